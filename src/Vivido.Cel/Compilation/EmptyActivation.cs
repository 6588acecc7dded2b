namespace Vivido.Cel.Compilation;

/// <summary>An activation without variables, used to fold constants at compile time.</summary>
internal sealed class EmptyActivation : ICelActivation
{
    public static readonly EmptyActivation Instance = new();

    public bool TryResolve(string name, out CelValue value)
    {
        value = default;
        return false;
    }
}
