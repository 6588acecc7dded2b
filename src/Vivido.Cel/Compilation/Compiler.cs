using Vivido.Cel.Evaluation;
using Vivido.Cel.Functions;
using Vivido.Cel.Parsing;
using Vivido.Cel.Values;

namespace Vivido.Cel.Compilation;

/// <summary>
/// Turns a parsed expression into a tree of evaluation nodes: names are pre-split into lookup
/// candidates, map keys for field selection are built once, literals of constants are folded, and
/// comprehension variables get fixed slots.
/// </summary>
internal sealed partial class Compiler
{
    private readonly string _source;
    private readonly CelOptions _options;
    private readonly List<string> _scopes = [];
    private int _maxSlots;
    private long _nodeCount;

    private Compiler(string source, CelOptions options)
    {
        _source = source;
        _options = options;
    }

    public static CompiledExpression Compile(Expr expr, string source, CelOptions options)
    {
        var compiler = new Compiler(source, options);
        var root = compiler.Build(expr);
        return new CompiledExpression(root, compiler._maxSlots);
    }

    private Node Build(Expr expr)
    {
        _nodeCount++;
        return expr switch
        {
            LiteralExpr literal => new ConstantNode(literal.Value),
            IdentExpr ident => ResolveName([ident.Name], ident.RootScoped, ident.Position),
            SelectExpr select => BuildSelect(select),
            CallExpr call => BuildCall(call),
            UnaryExpr unary => unary.Op == UnaryOp.Not ? new NotNode(Build(unary.Operand)) : new NegateNode(Build(unary.Operand)),
            BinaryExpr binary => BuildBinary(binary),
            ConditionalExpr conditional => new ConditionalNode(Build(conditional.Condition), Build(conditional.Then), Build(conditional.Otherwise)),
            ListExpr list => BuildList(list),
            MapExpr map => BuildMap(map),
            _ => throw SourceErrors.At(_source, expr.Position, "unsupported expression"),
        };
    }

    private Node BuildSelect(SelectExpr select)
    {
        // a.b.c over a variable is one qualified name: CEL binds the longest declared prefix.
        var segments = new List<string>();
        Expr current = select;
        while (current is SelectExpr s && (ReferenceEquals(s, select) || !s.Parenthesized))
        {
            segments.Insert(0, s.Field);
            current = s.Operand;
        }

        if (current is IdentExpr { Parenthesized: false } root)
        {
            segments.Insert(0, root.Name);
            return ResolveName(segments, root.RootScoped, root.Position);
        }

        return new SelectNode(Build(select.Operand), select.Field);
    }

    private Node ResolveName(List<string> segments, bool rootScoped, int position)
    {
        var slot = rootScoped ? -1 : _scopes.LastIndexOf(segments[0]);
        if (slot >= 0)
        {
            Node local = new LocalNode(slot);
            for (var i = 1; i < segments.Count; i++)
            {
                local = new SelectNode(local, segments[i]);
            }

            return local;
        }

        var fullName = string.Join('.', segments);
        var declared = _options.DeclaredVariables;
        var prefixes = new List<int>();
        for (var length = segments.Count; length >= 1; length--)
        {
            if (declared is null || declared.Contains(string.Join('.', segments.Take(length))))
            {
                prefixes.Add(length);
            }
        }

        var typeName = declared?.Contains(fullName) == true || !TypeNames.IsBuiltin(fullName) ? null : fullName;
        if (typeName is not null)
        {
            return new ConstantNode(CelValue.TypeValue(typeName));
        }

        if (prefixes.Count == 0)
        {
            throw SourceErrors.At(_source, position, $"undeclared reference to '{fullName}'");
        }

        return new NameNode(segments, prefixes);
    }

    private Node BuildBinary(BinaryExpr binary)
    {
        var left = Build(binary.Left);
        var right = Build(binary.Right);
        return binary.Op switch
        {
            BinaryOp.And => new AndNode(left, right),
            BinaryOp.Or => new OrNode(left, right),
            BinaryOp.Equal => new EqualNode(left, right, negate: false),
            BinaryOp.NotEqual => new EqualNode(left, right, negate: true),
            BinaryOp.Less => new CompareNode(left, right, Relation.Less),
            BinaryOp.LessEqual => new CompareNode(left, right, Relation.LessOrEqual),
            BinaryOp.Greater => new CompareNode(left, right, Relation.Greater),
            BinaryOp.GreaterEqual => new CompareNode(left, right, Relation.GreaterOrEqual),
            BinaryOp.In => new InNode(left, right),
            BinaryOp.Index => new IndexNode(left, right),
            BinaryOp.Add => new BinaryNode(left, right, Arithmetic.Add),
            BinaryOp.Subtract => new BinaryNode(left, right, Arithmetic.Subtract),
            BinaryOp.Multiply => new BinaryNode(left, right, Arithmetic.Multiply),
            BinaryOp.Divide => new BinaryNode(left, right, Arithmetic.Divide),
            _ => new BinaryNode(left, right, Arithmetic.Modulo),
        };
    }

    private Node BuildList(ListExpr list)
    {
        var elements = list.Elements.Select(Build).ToArray();
        var node = new ListNode(elements);
        return elements.All(e => e is ConstantNode) ? Fold(node) : node;
    }

    private Node BuildMap(MapExpr map)
    {
        var keys = new Node[map.Keys.Count];
        var values = new Node[map.Keys.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Build(map.Keys[i]);
            values[i] = Build(map.Values[i]);
        }

        var node = new MapNode(keys, values);
        return keys.All(k => k is ConstantNode) && values.All(v => v is ConstantNode) ? Fold(node) : node;
    }

    /// <summary>Evaluates a node whose inputs are all constants once, at compile time.</summary>
    private ConstantNode Fold(Node node)
    {
        var state = new EvalState(EmptyActivation.Instance, _options, null);
        var value = node.Eval(ref state);
        return new ConstantNode(state.Aborted ? state.Abort : value);
    }
}
