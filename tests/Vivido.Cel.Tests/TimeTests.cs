namespace Vivido.Cel.Tests;

public class TimeTests
{
    [Theory]
    [InlineData("2009-02-13T23:31:30Z", 1_234_567_890L, 0)]
    [InlineData("2009-02-13T23:31:30.5Z", 1_234_567_890L, 500_000_000)]
    [InlineData("2009-02-14T00:31:30.000000001+01:00", 1_234_567_890L, 1)]
    [InlineData("1969-12-31T23:59:59.999999999Z", -1L, 999_999_999)]
    [InlineData("0001-01-01T00:00:00Z", -62_135_596_800L, 0)]
    [InlineData("9999-12-31T23:59:59.999999999Z", 253_402_300_799L, 999_999_999)]
    [InlineData("1972-01-01T10:00:20.021-05:00", 63_126_020L, 21_000_000)]
    public void Evaluate_TimestampFromString_ParsesRfc3339(string text, long seconds, int nanos) =>
        Cel.Eval($"timestamp('{text}')").AsTimestampParts().ShouldBe((seconds, nanos));

    [Theory]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("10000-01-01T00:00:00Z")]
    [InlineData("2009-02-30T00:00:00Z")]
    [InlineData("2009-02-13 23:31:30Z")]
    [InlineData("2009-02-13T23:31:30")]
    [InlineData("2009-02-13T24:00:00Z")]
    [InlineData("2009-02-13T23:31:30.Z")]
    [InlineData("2009-02-13T23:31:30+1:00")]
    public void Evaluate_TimestampFromBadString_ReturnsError(string text) =>
        Cel.Eval($"timestamp('{text}')").IsError.ShouldBeTrue();

    [Theory]
    [InlineData("1h30m", 5400L, 0)]
    [InlineData("-1.5s", -1L, -500_000_000)]
    [InlineData("1.5h", 5400L, 0)]
    [InlineData("300ms", 0L, 300_000_000)]
    [InlineData("2us", 0L, 2_000)]
    [InlineData("2µs", 0L, 2_000)]
    [InlineData("7ns", 0L, 7)]
    [InlineData("0", 0L, 0)]
    [InlineData("+2m", 120L, 0)]
    [InlineData("1h1m1s1ms1us1ns", 3661L, 1_001_001)]
    [InlineData("9223372036s", 9_223_372_036L, 0)]
    public void Evaluate_DurationFromString_ParsesGoSyntax(string text, long seconds, int nanos) =>
        Cel.Eval($"duration('{text}')").AsDurationParts().ShouldBe((seconds, nanos));

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1d")]
    [InlineData("s")]
    [InlineData("1.s.")]
    [InlineData("inf")]
    [InlineData("9223372037s")]
    [InlineData("99999999999999999999999999h")]
    public void Evaluate_DurationFromBadString_ReturnsError(string text) =>
        Cel.Eval($"duration('{text}')").IsError.ShouldBeTrue();

    [Theory]
    [InlineData("timestamp('2009-02-13T23:00:00Z') + duration('240s') == timestamp('2009-02-13T23:04:00Z')")]
    [InlineData("duration('1m') + timestamp('2009-02-13T23:00:00Z') == timestamp('2009-02-13T23:01:00Z')")]
    [InlineData("timestamp('2009-02-13T23:00:00Z') - duration('1h') == timestamp('2009-02-13T22:00:00Z')")]
    [InlineData("timestamp('2009-02-13T23:00:00Z') - timestamp('2009-02-13T22:00:00.5Z') == duration('59m59.5s')")]
    [InlineData("duration('1s') - duration('1500ms') == duration('-500ms')")]
    [InlineData("-duration('1s') == duration('-1s')")]
    [InlineData("timestamp('0001-01-01T00:00:01.000000001Z') + duration('-999999999ns') == timestamp('0001-01-01T00:00:00.000000002Z')")]
    [InlineData("timestamp(0) == timestamp('1970-01-01T00:00:00Z')")]
    public void Evaluate_TimeArithmetic_IsExact(string expression) =>
        Cel.EvalBool(expression).ShouldBeTrue();

    [Theory]
    [InlineData("timestamp('9999-12-31T23:59:59.999999999Z') + duration('1ns')", "timestamp out of range")]
    [InlineData("timestamp('0001-01-01T00:00:00Z') - duration('1ns')", "timestamp out of range")]
    [InlineData("timestamp(253402300800)", "timestamp out of range")]
    [InlineData("duration('200000000000s') + duration('200000000000s')", "duration out of range")]
    [InlineData("timestamp('2000-01-01T00:00:00Z') + 1", "no matching overload")]
    [InlineData("duration('1s') - timestamp('2000-01-01T00:00:00Z')", "no matching overload")]
    public void Evaluate_TimeOutOfRange_ReturnsError(string expression, string message) =>
        Cel.ErrorOf(expression).ShouldContain(message);

    [Theory]
    [InlineData("getFullYear()", 2009)]
    [InlineData("getMonth()", 1)]
    [InlineData("getDayOfYear()", 43)]
    [InlineData("getDayOfMonth()", 12)]
    [InlineData("getDate()", 13)]
    [InlineData("getDayOfWeek()", 5)]
    [InlineData("getHours()", 23)]
    [InlineData("getMinutes()", 31)]
    [InlineData("getSeconds()", 30)]
    [InlineData("getMilliseconds()", 123)]
    [InlineData("getDate('Australia/Sydney')", 14)]
    [InlineData("getHours('America/Los_Angeles')", 15)]
    [InlineData("getHours('+05:30')", 5)]
    [InlineData("getMinutes('+05:30')", 1)]
    [InlineData("getHours('02:00')", 1)]
    [InlineData("getDayOfMonth('-23:00')", 12)]
    [InlineData("getHours('UTC')", 23)]
    [InlineData("getMinutes('Asia/Kathmandu')", 16)]
    public void Evaluate_TimestampAccessors_ReadFields(string accessor, long expected) =>
        Cel.EvalInt($"timestamp('2009-02-13T23:31:30.123456789Z').{accessor}").ShouldBe(expected);

    [Theory]
    [InlineData("timestamp('0001-01-01T00:00:00Z').getFullYear('-05:00')", 0)]
    [InlineData("timestamp('9999-12-31T23:00:00Z').getFullYear('+02:00')", 10000)]
    [InlineData("timestamp('2000-02-29T12:00:00Z').getDayOfYear()", 59)]
    [InlineData("timestamp('1969-12-31T23:00:00Z').getDayOfWeek()", 3)]
    public void Evaluate_TimestampAccessorsAtEdges_DoNotFail(string expression, long expected) =>
        Cel.EvalInt(expression).ShouldBe(expected);

    [Theory]
    [InlineData("duration('10000s').getHours()", 2)]
    [InlineData("duration('3730s').getMinutes()", 62)]
    [InlineData("duration('3730s').getSeconds()", 3730)]
    [InlineData("duration('1.321s').getMilliseconds()", 321)]
    [InlineData("duration('-90m').getHours()", -1)]
    public void Evaluate_DurationAccessors_ReadTotals(string expression, long expected) =>
        Cel.EvalInt(expression).ShouldBe(expected);

    [Theory]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getHours('Mars/Olympus')", "unknown time zone")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getHours('../../etc/passwd')", "unknown time zone")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getHours('+25:00')", "unknown time zone")]
    [InlineData("duration('1s').getHours('UTC')", "no matching overload")]
    [InlineData("duration('1s').getFullYear()", "no matching overload")]
    [InlineData("1.getHours()", "no matching overload")]
    public void Evaluate_BadAccessorUse_ReturnsError(string expression, string message) =>
        Cel.ErrorOf(expression).ShouldContain(message);

    [Fact]
    public void Evaluate_NowBinding_ComparesWithDurations()
    {
        var now = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var entered = now.AddDays(-31);
        var activation = new CelActivation()
            .Set("now", CelValue.Timestamp(now))
            .Set("image", Cel.Map(("enteredStateAt", CelValue.Timestamp(entered))));
        Cel.EvalBool("now - image.enteredStateAt > duration('720h')", activation).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_HostTimestampBeyondYear9999_FormatsAndReadsWithoutThrowing()
    {
        var activation = new CelActivation().Set("t", CelValue.Timestamp(400_000_000_000, 5));
        Cel.Eval("string(t)", activation).AsString().ShouldBe("14645-06-30T15:06:40.000000005Z");
        Cel.Eval("t.getFullYear('Europe/Paris')", activation).AsInt().ShouldBe(14645);
        Cel.Eval("t + duration('1s')", activation).ErrorMessage.ShouldBe("timestamp out of range");
    }
}
