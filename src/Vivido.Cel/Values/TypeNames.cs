namespace Vivido.Cel.Values;

/// <summary>CEL type names used as type values.</summary>
internal static class TypeNames
{
    public const string Timestamp = "google.protobuf.Timestamp";
    public const string Duration = "google.protobuf.Duration";

    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type",
        Timestamp, Duration,
    };

    /// <summary>True when <paramref name="name"/> is a type identifier usable as a value.</summary>
    public static bool IsBuiltin(string name) => Builtins.Contains(name);
}
