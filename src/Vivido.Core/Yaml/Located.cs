namespace Vivido.Core.Yaml;

/// <summary>A string read from a YAML scalar, with where it stood.</summary>
internal sealed record Located(string Value, SourcePosition Position);
