namespace Vivido.Cel;

/// <summary>Dictionary-backed activation; reusable across evaluations.</summary>
public sealed class CelActivation : ICelActivation
{
    private readonly Dictionary<string, CelValue> _variables = [];

    /// <summary>Sets (or replaces) a variable. Returns this activation, for chaining.</summary>
    public CelActivation Set(string name, CelValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _variables[name] = value;
        HasDottedNames |= name.Contains('.', StringComparison.Ordinal);
        return this;
    }

    /// <summary>
    /// Whether any name contains a dot. When none does, a qualified name such as a.b.c can only
    /// resolve through its first segment, which saves the lookups of the longer candidates.
    /// </summary>
    internal bool HasDottedNames { get; private set; }

    /// <inheritdoc />
    public bool TryResolve(string name, out CelValue value) => _variables.TryGetValue(name, out value);
}
