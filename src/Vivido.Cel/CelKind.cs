namespace Vivido.Cel;

/// <summary>The runtime kind of a <see cref="CelValue"/>.</summary>
public enum CelKind : byte
{
    Null,
    Bool,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    List,
    Map,
    Timestamp,
    Duration,
    Type,
    Error,
}
