using System.Collections.Frozen;
using Vivido.Cel;
using Vivido.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Lifecycles.Loading;

/// <summary>Compiles guard expressions and reports compile errors at their place in the YAML file.</summary>
internal sealed class GuardCompiler(string sourceText, DiagnosticBag diagnostics)
{
    /// <summary>The variables every guard may use (see <c>GuardContext</c>).</summary>
    public static readonly FrozenSet<string> Variables = FrozenSet.Create(StringComparer.Ordinal, "image", "event", "repository", "now");

    private static readonly CelOptions Options = new() { DeclaredVariables = Variables };

    private string[]? _lines;

    public static CelProgram Compile(string expression) => CelProgram.Compile(expression, Options);

    public CelProgram? Compile(YamlScalarNode expression, string guardName)
    {
        try
        {
            return Compile(expression.Value!);
        }
        catch (CelCompileException ex)
        {
            diagnostics.Add(Locate(expression, ex.Line, ex.Column), $"guard '{guardName}' does not compile: {ex.Reason}");
            return null;
        }
    }

    /// <summary>Maps a line:col inside the expression to the file, where the scalar's style makes that exact.</summary>
    private SourcePosition Locate(YamlScalarNode node, int celLine, int celColumn)
    {
        var start = SourcePosition.Of(node);
        switch (node.Style)
        {
            case ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                when celLine == 1 && node.Start.Line == node.End.Line:
                var quote = node.Style == ScalarStyle.Plain ? 0 : 1;
                return new SourcePosition(start.Line, start.Column + quote + celColumn - 1);
            case ScalarStyle.Literal:
                // Block content starts on the line after the '|' indicator, indented uniformly.
                _lines ??= sourceText.Split('\n');
                var first = start.Line; // 0-based index of the first content line
                if (first < _lines.Length)
                {
                    var text = _lines[first];
                    var indent = text.Length - text.TrimStart(' ').Length;
                    return new SourcePosition(start.Line + celLine, indent + celColumn);
                }

                return start;
            default:
                return start;
        }
    }
}
