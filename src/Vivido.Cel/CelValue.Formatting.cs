using Vivido.Cel.Values;

namespace Vivido.Cel;

/// <summary>Debug text for CEL values.</summary>
public readonly partial struct CelValue
{
    /// <summary>CEL-literal-like debug text, e.g. <c>[1, "a"]</c>.</summary>
    public override string ToString() => ValueFormatter.Format(this);
}
