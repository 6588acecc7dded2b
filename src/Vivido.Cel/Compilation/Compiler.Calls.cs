using Vivido.Cel.Evaluation;
using Vivido.Cel.Functions;
using Vivido.Cel.Parsing;

namespace Vivido.Cel.Compilation;

/// <summary>Function calls, the has() macro and the comprehension macros.</summary>
internal sealed partial class Compiler
{
    private Node BuildCall(CallExpr call)
    {
        if (call.Target is null && call.Function == "has" && call.Args.Count == 1)
        {
            return call.Args[0] is SelectExpr select
                ? new HasNode(Build(select.Operand), select.Field)
                : throw SourceErrors.At(_source, call.Args[0].Position, "invalid argument to has() macro: expected a field selection");
        }

        if (call.Target is not null && IsMacro(call.Function, call.Args.Count))
        {
            return BuildComprehension(call);
        }

        var args = new List<Expr>(call.Args.Count + 1);
        if (call.Target is not null)
        {
            args.Add(call.Target);
        }

        args.AddRange(call.Args);
        var receiverStyle = call.Target is not null;
        if (call.Function == "matches" && args.Count == 2 && args[1] is LiteralExpr { Value.Kind: CelKind.String } pattern)
        {
            return BuildConstantMatch(args[0], pattern);
        }

        var nodes = args.Select(Build).ToArray();
        switch (nodes.Length)
        {
            case 1 when Builtins.TryUnary(call.Function, receiverStyle, out var unary, out var foldable):
                var node = new Call1Node(nodes[0], unary);
                return foldable && nodes[0] is ConstantNode ? Fold(node) : node;
            case 2 when Builtins.TryBinary(call.Function, receiverStyle, out var binary):
                return new Call2Node(nodes[0], nodes[1], binary);
        }

        if (_options.DeclaredVariables is not null)
        {
            throw SourceErrors.At(_source, call.Position, $"undeclared function '{call.Function}' taking {nodes.Length} argument(s)");
        }

        // Without declarations there is no checker: like other CEL runtimes, fail at evaluation.
        return new FailNode(Errors.Invalid($"unbound function '{call.Function}'"));
    }

    private MatchesNode BuildConstantMatch(Expr text, LiteralExpr pattern)
    {
        var compiled = RegexFunctions.Compile(pattern.Value.AsString(), _options.RegexTimeout);
        return compiled.Regex is null
            ? throw SourceErrors.At(_source, pattern.Position, compiled.Error)
            : new MatchesNode(Build(text), compiled.Regex);
    }

    private static bool IsMacro(string function, int argCount) => function switch
    {
        "all" or "exists" or "exists_one" or "filter" => argCount == 2,
        "map" => argCount is 2 or 3,
        _ => false,
    };

    private Node BuildComprehension(CallExpr call)
    {
        if (call.Args[0] is not IdentExpr { RootScoped: false } variable)
        {
            throw SourceErrors.At(_source, call.Args[0].Position, $"the first argument of {call.Function}() must be a simple name");
        }

        var range = Build(call.Target!);
        var slot = _scopes.Count;
        _scopes.Add(variable.Name);
        _maxSlots = Math.Max(_maxSlots, _scopes.Count);
        var before = _nodeCount;
        var first = Build(call.Args[1]);
        var second = call.Args.Count == 3 ? Build(call.Args[2]) : null;
        _scopes.RemoveAt(_scopes.Count - 1);

        // Each iteration costs the size of the loop body.
        var stepCost = 1 + (_nodeCount - before);
        return call.Function switch
        {
            "all" => new AllNode(range, slot, stepCost, first),
            "exists" => new ExistsNode(range, slot, stepCost, first),
            "exists_one" => new ExistsOneNode(range, slot, stepCost, first),
            "filter" => new FilterNode(range, slot, stepCost, first),
            _ => second is null
                ? new MapMacroNode(range, slot, stepCost, null, first)
                : new MapMacroNode(range, slot, stepCost, first, second),
        };
    }
}
