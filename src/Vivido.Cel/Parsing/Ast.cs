namespace Vivido.Cel.Parsing;

/// <summary>A parsed expression. <see cref="Depth"/> is the height of the subtree, bounded at parse time.</summary>
internal abstract class Expr(int position, int depth)
{
    /// <summary>Offset of the expression's first character in the source.</summary>
    public int Position { get; } = position;

    public int Depth { get; } = depth;

    /// <summary>Written in parentheses: <c>(a.b).c</c> selects field c of a.b instead of naming a.b.c.</summary>
    public bool Parenthesized { get; private set; }

    public void MarkParenthesized() => Parenthesized = true;

    protected static int DepthOf(params ReadOnlySpan<Expr> children)
    {
        var max = 0;
        foreach (var child in children)
        {
            max = Math.Max(max, child.Depth);
        }

        return max + 1;
    }

    protected static int DepthOf(IReadOnlyList<Expr> children)
    {
        var max = 0;
        for (var i = 0; i < children.Count; i++)
        {
            max = Math.Max(max, children[i].Depth);
        }

        return max + 1;
    }
}

internal enum UnaryOp
{
    Not,
    Negate,
}

internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    In,
    And,
    Or,
    Index,
}

internal sealed class LiteralExpr(int position, CelValue value) : Expr(position, 1)
{
    public CelValue Value { get; } = value;
}

/// <summary>A name; <see cref="RootScoped"/> marks a leading dot (<c>.x</c>).</summary>
internal sealed class IdentExpr(int position, string name, bool rootScoped) : Expr(position, 1)
{
    public string Name { get; } = name;

    public bool RootScoped { get; } = rootScoped;
}

internal sealed class SelectExpr(int position, Expr operand, string field) : Expr(position, DepthOf(operand))
{
    public Expr Operand { get; } = operand;

    public string Field { get; } = field;
}

/// <summary>A global call <c>f(a)</c> or a receiver-style call <c>t.f(a)</c>.</summary>
internal sealed class CallExpr(int position, Expr? target, string function, IReadOnlyList<Expr> args)
    : Expr(position, Math.Max(target?.Depth ?? 0, DepthOf(args) - 1) + 1)
{
    public Expr? Target { get; } = target;

    public string Function { get; } = function;

    public IReadOnlyList<Expr> Args { get; } = args;
}

internal sealed class UnaryExpr(int position, UnaryOp op, Expr operand) : Expr(position, DepthOf(operand))
{
    public UnaryOp Op { get; } = op;

    public Expr Operand { get; } = operand;
}

internal sealed class BinaryExpr(int position, BinaryOp op, Expr left, Expr right) : Expr(position, DepthOf(left, right))
{
    public BinaryOp Op { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

internal sealed class ConditionalExpr(int position, Expr condition, Expr then, Expr otherwise)
    : Expr(position, DepthOf(condition, then, otherwise))
{
    public Expr Condition { get; } = condition;

    public Expr Then { get; } = then;

    public Expr Otherwise { get; } = otherwise;
}

internal sealed class ListExpr(int position, IReadOnlyList<Expr> elements) : Expr(position, DepthOf(elements))
{
    public IReadOnlyList<Expr> Elements { get; } = elements;
}

internal sealed class MapExpr(int position, IReadOnlyList<Expr> keys, IReadOnlyList<Expr> values)
    : Expr(position, Math.Max(DepthOf(keys), DepthOf(values)))
{
    public IReadOnlyList<Expr> Keys { get; } = keys;

    public IReadOnlyList<Expr> Values { get; } = values;
}
