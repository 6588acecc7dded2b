namespace Vivido.Cel.Tests.Conformance;

public class CelValueTextTests
{
    public static TheoryData<CelValue, string> Values => new()
    {
        { CelValue.Null, "null" },
        { CelValue.False, "false" },
        { CelValue.Int(-7), "-7" },
        { CelValue.Uint(7), "7u" },
        { CelValue.Double(2), "2.0" },
        { CelValue.Double(0.1), "0.1" },
        { CelValue.Double(double.NaN), "NaN" },
        { CelValue.Double(double.PositiveInfinity), "+Infinity" },
        { CelValue.String("tab\there \"q\" \u0001 é"), "\"tab\\there \\\"q\\\" \\x01 é\"" },
        { CelValue.Bytes([0x41, 0x00, 0xFF]), "b\"A\\x00\\xff\"" },
        { CelValue.List([CelValue.Int(1), CelValue.List([])]), "[1, []]" },
        { CelValue.Map([KeyValuePair.Create(CelValue.String("k"), CelValue.Uint(1))]), "{\"k\": 1u}" },
        { CelValue.Timestamp(0, 0), "timestamp(\"1970-01-01T00:00:00Z\")" },
        { CelValue.Timestamp(1234567890, 120_000_000), "timestamp(\"2009-02-13T23:31:30.12Z\")" },
        { CelValue.Duration(3600, 0), "duration(\"3600s\")" },
        { CelValue.Duration(1, 500_000_000), "duration(\"1.5s\")" },
        { CelValue.Duration(-90, 0), "duration(\"-90s\")" },
        { CelValue.TypeValue("list"), "type(list)" },
        { CelValue.Error("no such key: 'x'"), "error(no such key: 'x')" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Format_EachKind_CelLiteralStyle(CelValue value, string expected)
    {
        CelValueText.Format(value).ShouldBe(expected);
    }
}
