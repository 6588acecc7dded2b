using Vivido.Core.Lifecycles.Loading;

namespace Vivido.Core.Tests.Lifecycles;

public class DurationParserTests
{
    [Theory]
    [InlineData("30d", 30 * 86_400)]
    [InlineData("12h", 12 * 3_600)]
    [InlineData("90m", 90 * 60)]
    [InlineData("45s", 45)]
    [InlineData("1d12h", 86_400 + (12 * 3_600))]
    [InlineData("1d2h3m4s", 86_400 + 7_200 + 180 + 4)]
    public void TryParse_ValidDuration_ReturnsSeconds(string text, long seconds)
    {
        DurationParser.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("d")]
    [InlineData("30x")]
    [InlineData("1h30d")]
    [InlineData("1d1d")]
    [InlineData("0s")]
    [InlineData("-1d")]
    [InlineData("1.5h")]
    [InlineData("1234567890d")]
    [InlineData("30 d")]
    public void TryParse_InvalidDuration_ReturnsFalse(string text) =>
        DurationParser.TryParse(text, out _).ShouldBeFalse();
}
