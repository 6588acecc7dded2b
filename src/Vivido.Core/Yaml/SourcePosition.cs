using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Yaml;

/// <summary>A 1-based line and column in a source file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Of(Mark mark) => new(checked((int)mark.Line), checked((int)mark.Column));

    public static SourcePosition Of(YamlNode node) => Of(node.Start);

    public override string ToString() => $"{Line}:{Column}";
}
