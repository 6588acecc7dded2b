namespace Vivido.Cel.Tests.Conformance;

public class CelSourceTextTests
{
    [Theory]
    [InlineData("a.?b", "a.?b")]
    [InlineData("'a.?b' + x", "'    ' + x")]
    [InlineData("\"T{\" == T{}", "\"  \" == T{}")]
    [InlineData(@"'it\'s' + b", @"'     ' + b")]
    [InlineData(@"r'\' + '?'", @"r' ' + ' '")]
    [InlineData(@"rb""\"" + br'\'", @"rb"" "" + br' '")]
    [InlineData("'''a'b''' + x", "'''   ''' + x")]
    [InlineData("\"\"\"x\"\"\" == y", "\"\"\" \"\"\" == y")]
    [InlineData("b'\\xff' + c", "b'    ' + c")]
    [InlineData("'unterminated", "'" + "            ")]
    [InlineData("T// c {\n{a: 1}", "T      \n{a: 1}")]
    [InlineData("'//' + x // '\n'", "'  ' + x     \n'")]
    [InlineData("1 / 2", "1 / 2")]
    public void WithoutLiteralsAndComments_LiteralsAndComments_Blanked(string source, string expected)
    {
        CelSourceText.WithoutLiteralsAndComments(source).ShouldBe(expected);
    }

    [Fact]
    public void WithoutLiteralsAndComments_AnySource_KeepsLength()
    {
        const string Source = "x.exists(e, e == '\\u00e9') && r\"a\" != '''b'''";

        CelSourceText.WithoutLiteralsAndComments(Source).Length.ShouldBe(Source.Length);
    }
}
