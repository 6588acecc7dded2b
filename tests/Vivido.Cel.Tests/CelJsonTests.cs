using System.Text.Json;

namespace Vivido.Cel.Tests;

public class CelJsonTests
{
    [Theory]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    [InlineData("-5", "-5")]
    [InlineData("18446744073709551615u", "18446744073709551615")]
    [InlineData("1.5", "1.5")]
    [InlineData("0.0 / 0.0", "\"NaN\"")]
    [InlineData("1.0 / 0.0", "\"Infinity\"")]
    [InlineData("-1.0 / 0.0", "\"-Infinity\"")]
    [InlineData("'h\"i'", "\"h\\u0022i\"")]
    [InlineData("b'\\x00\\xff'", "\"AP8=\"")]
    [InlineData("[1, 'a']", "[1,\"a\"]")]
    [InlineData("{'a': 1, 2: true, false: null, 3u: []}", "{\"a\":1,\"2\":true,\"false\":null,\"3\":[]}")]
    [InlineData("timestamp('2009-02-13T23:31:30Z')", "\"2009-02-13T23:31:30Z\"")]
    [InlineData("timestamp('2009-02-14T01:31:30.25+02:00')", "\"2009-02-13T23:31:30.25Z\"")]
    [InlineData("duration('1h')", "\"3600s\"")]
    [InlineData("duration('1.5s')", "\"1.5s\"")]
    [InlineData("type(1)", "\"int\"")]
    [InlineData("1 / 0", "{\"error\":\"divide by zero\"}")]
    public void Serialize_Value_WritesExpectedJson(string expression, string json) =>
        CelJson.Serialize(Cel.Eval(expression)).ShouldBe(json);

    [Fact]
    public void Serialize_Indented_FormatsOutput() =>
        CelJson.Serialize(Cel.Eval("{'a': [1]}"), indented: true).ShouldContain("\n");

    [Fact]
    public void Write_ToExistingWriter_AppendsValue()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("result");
            CelJson.Write(writer, CelValue.Int(3));
            writer.WriteEndObject();
        }

        System.Text.Encoding.UTF8.GetString(stream.ToArray()).ShouldBe("{\"result\":3}");
    }

    [Fact]
    public void FromJson_Document_BuildsCelValues()
    {
        using var document = JsonDocument.Parse("""
            {"name": "app", "count": 3, "ratio": 0.5, "big": 1e3, "huge": 1e30, "ok": true, "none": null,
             "tags": ["a", "b"], "nested": {"x": -1}}
            """);
        var value = CelJson.FromJson(document.RootElement);
        var activation = new CelActivation().Set("doc", value);
        Cel.EvalBool(
            "doc.name == 'app' && type(doc.count) == int && doc.ratio == 0.5 && type(doc.big) == int && doc.big == 1000 "
            + "&& type(doc.huge) == double && doc.ok && doc.none == null && doc.tags == ['a', 'b'] && doc.nested.x == -1",
            activation).ShouldBeTrue();
    }

    [Fact]
    public void FromJson_NumberBeyondDoubleRange_BecomesInfinity()
    {
        using var document = JsonDocument.Parse("[1e400, -1e400]");
        CelJson.Serialize(CelJson.FromJson(document.RootElement)).ShouldBe("[\"Infinity\",\"-Infinity\"]");
    }

    [Fact]
    public void FromJson_ThenSerialize_RoundTripsPlainJson()
    {
        const string json = "{\"a\":[1,2.5,\"x\",true,null],\"b\":{\"c\":\"d\"}}";
        using var document = JsonDocument.Parse(json);
        CelJson.Serialize(CelJson.FromJson(document.RootElement)).ShouldBe(json);
    }
}
