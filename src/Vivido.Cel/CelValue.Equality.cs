using Vivido.Cel.Values;

namespace Vivido.Cel;

/// <summary>Equality follows CEL: 1 == 1u == 1.0, NaN is unequal to itself, lists and maps compare deeply.</summary>
public readonly partial struct CelValue : IEquatable<CelValue>
{
    public bool Equals(CelValue other) => ValueEquality.AreEqual(this, other);

    public override bool Equals(object? obj) => obj is CelValue other && Equals(other);

    public override int GetHashCode() => ValueEquality.Hash(this);
}
