namespace Vivido.Cel.Evaluation;

/// <summary>A comprehension variable.</summary>
internal sealed class LocalNode(int slot) : Node
{
    public override CelValue Eval(ref EvalState state) => state.Locals[slot];
}

/// <summary>
/// A (possibly dotted) name such as <c>image.scan.critical</c>. CEL resolves the longest prefix bound in
/// the activation and applies the rest as field selections, so candidates are tried longest first.
/// All names and keys are built at compile time; resolving allocates nothing.
/// </summary>
internal sealed class NameNode : Node
{
    private readonly string[] _candidates;
    private readonly CelValue[][] _remainders;
    private readonly CelValue _undeclared;
    private readonly int _rootIndex;

    /// <param name="segments">The dotted name split at the dots.</param>
    /// <param name="prefixLengths">Which prefixes (segment counts) may be bound, longest first.</param>
    public NameNode(IReadOnlyList<string> segments, IReadOnlyList<int> prefixLengths)
    {
        _candidates = new string[prefixLengths.Count];
        _remainders = new CelValue[prefixLengths.Count][];
        for (var i = 0; i < prefixLengths.Count; i++)
        {
            var length = prefixLengths[i];
            _candidates[i] = string.Join('.', segments.Take(length));
            _remainders[i] = [.. segments.Skip(length).Select(CelValue.String)];
        }

        _undeclared = Errors.UndeclaredReference(string.Join('.', segments));
        _rootIndex = prefixLengths.Count > 0 && prefixLengths[^1] == 1 ? prefixLengths.Count - 1 : -1;
    }

    public override CelValue Eval(ref EvalState state)
    {
        var activation = state.Activation;
        var first = 0;
        if (activation is CelActivation { HasDottedNames: false })
        {
            if (_rootIndex < 0)
            {
                return _undeclared;
            }

            first = _rootIndex;
        }

        for (var i = first; i < _candidates.Length; i++)
        {
            if (!activation.TryResolve(_candidates[i], out var value))
            {
                continue;
            }

            var fields = _remainders[i];
            for (var f = 0; f < fields.Length && !value.IsError; f++)
            {
                value = Access.Select(value, fields[f]);
            }

            return value;
        }

        return _undeclared;
    }
}
