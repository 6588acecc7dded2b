namespace Vivido.Cel.Tests.Conformance;

/// <summary>One <c>name: value</c> occurrence; a repeated field appears once per element.</summary>
internal readonly record struct TextProtoField(string Name, TextProtoValue Value);
