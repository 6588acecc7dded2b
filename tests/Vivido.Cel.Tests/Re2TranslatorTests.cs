using Vivido.Cel.Functions;

namespace Vivido.Cel.Tests;

public class Re2TranslatorTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a$", @"a\z")]
    [InlineData("(?m)a$", "(?m)a$")]
    [InlineData(@"\d+", "[0-9]+")]
    [InlineData(@"[\d_]", "[0-9_]")]
    [InlineData("(?P<x>a)", "(?<x>a)")]
    [InlineData("(?i:a)b", "(?i:a)b")]
    [InlineData(@"\Qa.b\E", @"a\u002Eb")]
    [InlineData("[[:digit:]]", "[0-9]")]
    [InlineData(@"\pN", @"\p{N}")]
    public void TryTranslate_SupportedSyntax_ProducesDotNetPattern(string pattern, string expected)
    {
        Re2Translator.TryTranslate(pattern, out var translated, out _).ShouldBeTrue();
        translated.ShouldBe(expected);
    }

    [Fact]
    public void TryTranslate_Dot_MatchesWholeCodePoints()
    {
        Re2Translator.TryTranslate(".", out var plain, out _).ShouldBeTrue();
        plain.ShouldContain(@"[^\n]");
        Re2Translator.TryTranslate("(?s).", out var dotAll, out _).ShouldBeTrue();
        dotAll.ShouldContain(@"[\s\S]");
        Re2Translator.TryTranslate("(?s:.).", out var scoped, out _).ShouldBeTrue();
        scoped.ShouldEndWith(@"|[^\n])");
    }

    [Theory]
    [InlineData(@"(a)\1", "backreferences")]
    [InlineData("(?=a)", "lookaround")]
    [InlineData("(?#note)", "lookaround")]
    [InlineData("(?x)a", "unsupported flag")]
    [InlineData(@"\e", "invalid escape")]
    [InlineData("[😀]", "Basic Multilingual Plane")]
    [InlineData(@"\x{1F600}", "Basic Multilingual Plane")]
    public void TryTranslate_UnsupportedSyntax_ExplainsWhy(string pattern, string reason)
    {
        Re2Translator.TryTranslate(pattern, out _, out var error).ShouldBeFalse();
        error.ShouldContain(reason);
    }
}
