namespace Vivido.Cel.Parsing;

/// <summary>
/// Recursive-descent parser for CEL. Recursion and tree height are both checked against the
/// nesting limit before going deeper, so hostile input fails with a compile error, never a stack overflow.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _source;
    private readonly Lexer _lexer;
    private readonly int _maxDepth;
    private Token _token;
    private int _recursion;

    private Parser(string source, int maxDepth)
    {
        _source = source;
        _lexer = new Lexer(source);
        _maxDepth = maxDepth;
        _token = _lexer.Next();
    }

    public static Expr Parse(string source, CelOptions options)
    {
        if (source.Length > options.MaxExpressionLength)
        {
            throw new CelCompileException(1, 1, $"expression length {source.Length} exceeds the limit of {options.MaxExpressionLength} characters");
        }

        var parser = new Parser(source, options.MaxNestingDepth);
        var expr = parser.ParseExpr();
        if (parser._token.Kind != TokenKind.EndOfInput)
        {
            throw parser.Expected("end of input");
        }

        return expr;
    }

    private Expr ParseExpr()
    {
        if (++_recursion > _maxDepth)
        {
            throw TooDeep(_token.Position);
        }

        var condition = ParseBinary(0);
        if (_token.Kind == TokenKind.Question)
        {
            var position = Advance().Position;
            var then = ParseBinary(0);
            Expect(TokenKind.Colon, "':'");
            var otherwise = ParseExpr();
            condition = Checked(new ConditionalExpr(position, condition, then, otherwise));
        }

        _recursion--;
        return condition;
    }

    /// <summary>Binary operators by precedence level: 0 or, 1 and, 2 relations, 3 additive, 4 multiplicative.</summary>
    private Expr ParseBinary(int level)
    {
        if (level > 4)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (TryBinaryOp(level, out var op))
        {
            var position = Advance().Position;
            var right = ParseBinary(level + 1);
            left = Checked(new BinaryExpr(position, op, left, right));
        }

        return left;
    }

    private bool TryBinaryOp(int level, out BinaryOp op)
    {
        op = (level, _token.Kind) switch
        {
            (0, TokenKind.OrOr) => BinaryOp.Or,
            (1, TokenKind.AndAnd) => BinaryOp.And,
            (2, TokenKind.EqualEqual) => BinaryOp.Equal,
            (2, TokenKind.NotEqual) => BinaryOp.NotEqual,
            (2, TokenKind.Less) => BinaryOp.Less,
            (2, TokenKind.LessEqual) => BinaryOp.LessEqual,
            (2, TokenKind.Greater) => BinaryOp.Greater,
            (2, TokenKind.GreaterEqual) => BinaryOp.GreaterEqual,
            (2, TokenKind.In) => BinaryOp.In,
            (3, TokenKind.Plus) => BinaryOp.Add,
            (3, TokenKind.Minus) => BinaryOp.Subtract,
            (4, TokenKind.Star) => BinaryOp.Multiply,
            (4, TokenKind.Slash) => BinaryOp.Divide,
            (4, TokenKind.Percent) => BinaryOp.Modulo,
            _ => (BinaryOp)(-1),
        };
        return (int)op >= 0;
    }

    private Expr ParseUnary()
    {
        if (_token.Kind is not (TokenKind.Bang or TokenKind.Minus))
        {
            return ParseMember();
        }

        var kind = _token.Kind;
        var positions = new List<int>();
        while (_token.Kind == kind)
        {
            positions.Add(Advance().Position);
        }

        Expr operand;
        if (kind == TokenKind.Minus && _token.Kind is TokenKind.Int or TokenKind.Double)
        {
            // A minus directly before a number is part of the literal, so that
            // -9223372036854775808 is representable.
            var literal = Advance();
            operand = ParsePostfix(NegativeLiteral(literal, positions[^1]));
            positions.RemoveAt(positions.Count - 1);
        }
        else
        {
            operand = ParseMember();
        }

        var op = kind == TokenKind.Bang ? UnaryOp.Not : UnaryOp.Negate;
        for (var i = positions.Count - 1; i >= 0; i--)
        {
            operand = Checked(new UnaryExpr(positions[i], op, operand));
        }

        return operand;
    }

    private LiteralExpr NegativeLiteral(Token literal, int position)
    {
        if (literal.Kind == TokenKind.Double)
        {
            return new LiteralExpr(position, CelValue.Double(-literal.Value.AsDouble()));
        }

        var magnitude = literal.Value.AsUint();
        return magnitude switch
        {
            <= long.MaxValue => new LiteralExpr(position, CelValue.Int(-(long)magnitude)),
            9_223_372_036_854_775_808 => new LiteralExpr(position, CelValue.Int(long.MinValue)),
            _ => throw SourceErrors.At(_source, literal.Position, "integer literal is out of range"),
        };
    }

    private Expr ParseMember() => ParsePostfix(ParsePrimary());

    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            switch (_token.Kind)
            {
                case TokenKind.Dot:
                    var dot = Advance();
                    if (_token.Kind == TokenKind.Question)
                    {
                        throw Unsupported(dot.Position, "optional field selection '.?'");
                    }

                    var name = ExpectName();
                    expr = _token.Kind == TokenKind.LeftParen
                        ? Checked(new CallExpr(name.Position, expr, name.Text, ParseArguments()))
                        : Checked(new SelectExpr(name.Position, expr, name.Text));
                    break;
                case TokenKind.LeftBracket:
                    var bracket = Advance();
                    if (_token.Kind == TokenKind.Question)
                    {
                        throw Unsupported(bracket.Position, "optional index '[?'");
                    }

                    var index = ParseExpr();
                    Expect(TokenKind.RightBracket, "']'");
                    expr = Checked(new BinaryExpr(bracket.Position, BinaryOp.Index, expr, index));
                    break;
                case TokenKind.LeftBrace when expr is IdentExpr or SelectExpr:
                    throw Unsupported(_token.Position, "message construction");
                default:
                    return expr;
            }
        }
    }

    private Token ExpectName()
    {
        // Reserved words such as 'as' or 'if' are allowed after a dot (field and method names).
        if (_token.Kind != TokenKind.Identifier)
        {
            throw Expected("identifier");
        }

        return Advance();
    }

    private void CheckNotReserved(Token name)
    {
        if (name.Kind != TokenKind.Identifier || Keywords.IsReserved(name.Text))
        {
            throw SourceErrors.At(_source, name.Position, $"reserved identifier '{name.Text}'");
        }
    }

    private T Checked<T>(T expr)
        where T : Expr =>
        expr.Depth > _maxDepth ? throw TooDeep(expr.Position) : expr;

    private Token Advance()
    {
        var current = _token;
        _token = _lexer.Next();
        return current;
    }

    private void Expect(TokenKind kind, string description)
    {
        if (_token.Kind != kind)
        {
            throw Expected(description);
        }

        Advance();
    }

    private CelCompileException Expected(string what) =>
        SourceErrors.At(_source, _token.Position, $"expected {what} but found {_token.Describe()}");

    private CelCompileException TooDeep(int position) =>
        SourceErrors.At(_source, position, $"expression nesting exceeds the limit of {_maxDepth}");

    private CelCompileException Unsupported(int position, string feature) =>
        SourceErrors.At(_source, position, $"{feature} is not supported");
}
