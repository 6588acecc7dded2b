namespace Vivido.Cel.Parsing;

/// <summary>Primary expressions: names, calls, parentheses, list and map literals, and literals.</summary>
internal sealed partial class Parser
{
    private Expr ParsePrimary()
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.Dot:
                Advance();
                var rooted = ExpectName();
                CheckNotReserved(rooted);
                return _token.Kind == TokenKind.LeftParen
                    ? Checked(new CallExpr(rooted.Position, null, rooted.Text, ParseArguments()))
                    : new IdentExpr(token.Position, rooted.Text, rootScoped: true);
            case TokenKind.Identifier:
                Advance();
                CheckNotReserved(token);
                return _token.Kind == TokenKind.LeftParen
                    ? Checked(new CallExpr(token.Position, null, token.Text, ParseArguments()))
                    : new IdentExpr(token.Position, token.Text, rootScoped: false);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpr();
                Expect(TokenKind.RightParen, "')'");
                inner.MarkParenthesized();
                return inner;
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.LeftBrace:
                return ParseMap();
            case TokenKind.Int:
                Advance();
                return token.Value.AsUint() <= long.MaxValue
                    ? new LiteralExpr(token.Position, CelValue.Int((long)token.Value.AsUint()))
                    : throw SourceErrors.At(_source, token.Position, "integer literal is out of range");
            case TokenKind.Uint or TokenKind.Double or TokenKind.String or TokenKind.Bytes:
                Advance();
                return new LiteralExpr(token.Position, token.Value);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralExpr(token.Position, CelValue.Bool(token.Kind == TokenKind.True));
            case TokenKind.Null:
                Advance();
                return new LiteralExpr(token.Position, CelValue.Null);
            default:
                throw Expected("expression");
        }
    }

    private ListExpr ParseList()
    {
        var open = Advance();
        var elements = new List<Expr>();
        while (_token.Kind != TokenKind.RightBracket)
        {
            if (_token.Kind == TokenKind.Question)
            {
                throw Unsupported(_token.Position, "optional list element '?'");
            }

            elements.Add(ParseExpr());
            if (_token.Kind != TokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(TokenKind.RightBracket, "']'");
        return Checked(new ListExpr(open.Position, elements));
    }

    private MapExpr ParseMap()
    {
        var open = Advance();
        var keys = new List<Expr>();
        var values = new List<Expr>();
        while (_token.Kind != TokenKind.RightBrace)
        {
            if (_token.Kind == TokenKind.Question)
            {
                throw Unsupported(_token.Position, "optional map entry '?'");
            }

            keys.Add(ParseExpr());
            Expect(TokenKind.Colon, "':'");
            values.Add(ParseExpr());
            if (_token.Kind != TokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(TokenKind.RightBrace, "'}'");
        return Checked(new MapExpr(open.Position, keys, values));
    }

    private List<Expr> ParseArguments()
    {
        Expect(TokenKind.LeftParen, "'('");
        var args = new List<Expr>();
        if (_token.Kind != TokenKind.RightParen)
        {
            args.Add(ParseExpr());
            while (_token.Kind == TokenKind.Comma)
            {
                Advance();
                args.Add(ParseExpr());
            }
        }

        Expect(TokenKind.RightParen, "')'");
        return args;
    }
}
