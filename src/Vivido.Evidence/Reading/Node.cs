using System.Globalization;
using System.Text.Json;

namespace Vivido.Evidence.Reading;

/// <summary>
/// A JSON element with the path that led to it, so that a missing or mistyped field is reported as
/// "Grype report: matches[3].vulnerability.id is missing". The path is only rendered on error.
/// </summary>
internal readonly struct Node
{
    // The path of the parent plus this node's own name or index, kept inline so that reading a leaf allocates nothing.
    private readonly PathSegment? parent;
    private readonly string? ownName;
    private readonly int ownIndex;

    public Node(JsonElement element, string document)
        : this(element, document, null, null, -1)
    {
    }

    private Node(JsonElement element, string document, PathSegment? parent, string? name, int index)
    {
        Element = element;
        Document = document;
        this.parent = parent;
        ownName = name;
        ownIndex = index;
    }

    public JsonElement Element { get; }

    /// <summary>What the document is, for messages ("Trivy report").</summary>
    public string Document { get; }

    public JsonValueKind Kind => Element.ValueKind;

    private string Path => PathSegment.Render(Segment());

    private bool IsRoot => ownName is null && ownIndex < 0;

    /// <summary>The child, or null when absent or JSON null.</summary>
    public Node? Optional(string name)
    {
        if (Element.ValueKind == JsonValueKind.Object
            && Element.TryGetProperty(name, out var child)
            && child.ValueKind != JsonValueKind.Null)
        {
            return new Node(child, Document, Segment(), name, -1);
        }

        return null;
    }

    public Node Required(string name) => Optional(name) ?? throw Missing(name);

    /// <summary>The child object, or null when absent; refused when present but not an object.</summary>
    public Node? OptionalObject(string name)
    {
        var child = Optional(name);
        return child is { Kind: not JsonValueKind.Object } c ? throw c.WrongType("an object") : child;
    }

    public Node RequiredObject(string name) => OptionalObject(name) ?? throw Missing(name);

    /// <summary>The items of the child array; empty when absent; refused when present but not an array.</summary>
    public IEnumerable<Node> Items(string name)
    {
        var child = Optional(name);
        if (child is null)
        {
            return [];
        }

        return child.Value.Kind == JsonValueKind.Array ? child.Value.Items() : throw child.Value.WrongType("an array");
    }

    public IEnumerable<Node> RequiredItems(string name)
    {
        var child = Optional(name) ?? throw Missing(name);
        return child.Kind == JsonValueKind.Array ? child.Items() : throw child.WrongType("an array");
    }

    public string? OptionalString(string name)
    {
        // The common case reads the value without building the child's path, which is only needed for an error.
        if (Element.ValueKind != JsonValueKind.Object || !Element.TryGetProperty(name, out var child) || child.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return child.ValueKind == JsonValueKind.String ? child.GetString() : throw Optional(name)!.Value.WrongType("a string");
    }

    public string RequiredString(string name) => OptionalString(name) ?? throw Missing(name);

    /// <summary>A string, treating an empty or whitespace value as absent.</summary>
    public string? NonEmptyString(string name) => OptionalString(name) is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    public string AsString() => Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw WrongType("a string");

    public double? OptionalNumber(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object || !Element.TryGetProperty(name, out var child) || child.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return child.ValueKind == JsonValueKind.Number && child.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw Optional(name)!.Value.WrongType("a number");
    }

    /// <summary>A timestamp; empty strings count as absent, anything else that is not a date is refused.</summary>
    public DateTimeOffset? OptionalDate(string name)
    {
        var text = NonEmptyString(name);
        if (text is null)
        {
            return null;
        }

        if (Element.GetProperty(name).TryGetDateTimeOffset(out var value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return value;
        }

        throw new EvidenceFormatException($"{Document}: {Join(Path, name)} is not a date: \"{Shorten(text)}\"");
    }

    public EvidenceFormatException Missing(string name) => new($"{Document}: {Join(Path, name)} is missing");

    public EvidenceFormatException WrongType(string expected) => new($"{Document}: {PathOrTop} must be {expected}");

    private string PathOrTop => IsRoot ? "the top level" : Path;

    private static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    /// <summary>The values of this object's properties, in document order.</summary>
    public IEnumerable<Node> Values()
    {
        var segment = Segment();
        foreach (var property in Element.EnumerateObject())
        {
            yield return new Node(property.Value, Document, segment, property.Name, -1);
        }
    }

    private IEnumerable<Node> Items()
    {
        var segment = Segment();
        var position = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new Node(item, Document, segment, null, position);
            position++;
        }
    }

    private PathSegment? Segment() => IsRoot ? null : new PathSegment(parent, ownName, ownIndex);

    private sealed class PathSegment(PathSegment? parent, string? name, int index)
    {
        private readonly PathSegment? parent = parent;
        private readonly string? name = name;
        private readonly int index = index;

        public static string Render(PathSegment? segment)
        {
            var parts = new Stack<PathSegment>();
            for (var s = segment; s is not null; s = s.parent)
            {
                parts.Push(s);
            }

            var text = new System.Text.StringBuilder();
            foreach (var part in parts)
            {
                if (part.name is null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"[{part.index}]");
                }
                else
                {
                    text.Append(text.Length == 0 ? string.Empty : ".").Append(part.name);
                }
            }

            return text.ToString();
        }
    }
}
