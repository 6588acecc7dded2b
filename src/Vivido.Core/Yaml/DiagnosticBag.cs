using Vivido.Core.Lifecycles;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Yaml;

/// <summary>Collects every problem found in one file, so callers can report all of them at once.</summary>
internal sealed class DiagnosticBag(string source)
{
    private readonly List<LifecycleDiagnostic> _items = [];

    public string Source { get; } = source;

    public int Count => _items.Count;

    public void Add(SourcePosition position, string message) =>
        _items.Add(new LifecycleDiagnostic(Source, position.Line, position.Column, message));

    public void Add(YamlNode node, string message) => Add(SourcePosition.Of(node), message);

    /// <summary>The problems ordered by position; problems at the same position keep the order they were found in.</summary>
    public IReadOnlyList<LifecycleDiagnostic> ToSortedList() =>
        _items.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
}
