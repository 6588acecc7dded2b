namespace Vivido.Cel.Tests;

public class RegexTests
{
    [Theory]
    [InlineData("'hubba'.matches('ubb')", true)]
    [InlineData("matches('hubba', '^h.*a$')", true)]
    [InlineData("'abc\\n'.matches('c$')", false)]
    [InlineData("'abc\\nd'.matches('(?m)c$')", true)]
    [InlineData("'a\\nb'.matches('a.b')", false)]
    [InlineData("'a\\nb'.matches('(?s)a.b')", true)]
    [InlineData("'ABC'.matches('(?i)abc')", true)]
    [InlineData("'😀'.matches('^.$')", true)]
    [InlineData("'😀😀'.matches('^😀+$')", true)]
    [InlineData("'١٢٣'.matches('\\\\d')", false)]
    [InlineData("'123'.matches('^\\\\d{3}$')", true)]
    [InlineData("'a_1'.matches('^\\\\w+$')", true)]
    [InlineData("'é'.matches('^\\\\w$')", false)]
    [InlineData("'é'.matches('^\\\\pL$')", true)]
    [InlineData("'x'.matches('^\\\\p{^L}$')", false)]
    [InlineData("'a1'.matches('^[[:alpha:]][[:digit:]]$')", true)]
    [InlineData("'a.b'.matches('\\\\Qa.b\\\\E')", true)]
    [InlineData("'axb'.matches('\\\\Qa.b\\\\E')", false)]
    [InlineData("'v1.2.3'.matches('^v(?P<major>[0-9]+)\\\\.(?<minor>[0-9]+)')", true)]
    [InlineData("'A'.matches('\\\\x41')", true)]
    [InlineData("'A'.matches('\\\\x{41}')", true)]
    [InlineData("'a{2'.matches('a{2')", true)]
    [InlineData("'a]'.matches('[]a]+')", true)]
    [InlineData("'sha256:ab12'.matches('^sha256:[a-f0-9]+$')", true)]
    [InlineData("r'a\\b'.matches(r'a\\\\b')", true)]
    public void Evaluate_Matches_FollowsRe2Semantics(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);

    [Theory]
    [InlineData("(a)\\\\1")]
    [InlineData("(?=a)")]
    [InlineData("(?!a)")]
    [InlineData("(?<=a)b")]
    [InlineData("(?<!a)b")]
    [InlineData("(?>a)")]
    [InlineData("a\\\\Z")]
    [InlineData("(?U)a*")]
    [InlineData("[[:foo:]]")]
    [InlineData("\\\\p{Greek}")]
    [InlineData("a{1001}")]
    [InlineData("(a")]
    [InlineData("a)")]
    [InlineData("[a")]
    [InlineData("\\\\")]
    public void Compile_UnsupportedConstantPattern_Fails(string pattern) =>
        Cel.CompileError($"'x'.matches('{pattern}')").Reason.ShouldContain("invalid regular expression");

    [Fact]
    public void Evaluate_UnsupportedDynamicPattern_ReturnsError()
    {
        var activation = new CelActivation().Set("p", CelValue.String("(a)\\1"));
        Cel.ErrorOf("'aa'.matches(p)", activation).ShouldContain("invalid regular expression");
    }

    [Fact]
    public void Evaluate_DynamicPattern_IsCompiledAndCached()
    {
        var activation = new CelActivation().Set("p", CelValue.String("^[a-z]+$"));
        var program = CelProgram.Compile("['abc', 'ABC', 'xyz'].filter(s, s.matches(p))");
        program.Evaluate(activation).ShouldBe(Cel.Eval("['abc', 'xyz']"));
        program.Evaluate(activation).ShouldBe(Cel.Eval("['abc', 'xyz']"));
    }

    [Fact]
    public void Evaluate_CatastrophicPattern_AnswersWithinTimeout()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var result = Cel.Eval("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('(a+)+$')");
        stopwatch.Stop();
        (result.IsError || !result.AsBool()).ShouldBeTrue();
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Evaluate_RegexTimeout_ReturnsError()
    {
        var options = new CelOptions { RegexTimeout = TimeSpan.FromTicks(1) };
        var text = new string('a', 200_000) + "!";
        var activation = new CelActivation().Set("s", CelValue.String(text));
        var result = Cel.Eval("s.matches('(a|aa)*b')", activation, options);
        if (result.IsError)
        {
            result.ErrorMessage.ShouldBe("regular expression match timed out");
        }
        else
        {
            result.AsBool().ShouldBeFalse();
        }
    }

    [Fact]
    public void Match_BacktrackingTimeout_BecomesErrorValue()
    {
        var regex = new System.Text.RegularExpressions.Regex("(a+)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(1));
        var state = new Evaluation.EvalState(new CelActivation(), CelOptions.Default, null);
        var result = Functions.RegexFunctions.Match(regex, new string('a', 5_000) + "!", ref state);
        result.IsError.ShouldBeTrue();
        result.ErrorMessage.ShouldBe("regular expression match timed out");
    }

    [Fact]
    public void Evaluate_MatchesOnNonString_ReturnsError() =>
        Cel.ErrorOf("1.matches('a')").ShouldStartWith("no matching overload");
}
