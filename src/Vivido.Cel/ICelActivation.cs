namespace Vivido.Cel;

/// <summary>Supplies the values of the variables an expression refers to.</summary>
public interface ICelActivation
{
    /// <summary>Resolves a (possibly dotted) variable name.</summary>
    bool TryResolve(string name, out CelValue value);
}
