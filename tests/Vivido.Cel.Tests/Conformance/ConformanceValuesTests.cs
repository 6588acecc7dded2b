namespace Vivido.Cel.Tests.Conformance;

public class ConformanceValuesTests
{
    public static TheoryData<string, CelValue> MatchingPairs => new()
    {
        { "null_value: NULL_VALUE", CelValue.Null },
        { "null_value: 0", CelValue.Null },
        { "bool_value: true", CelValue.True },
        { "int64_value: -9223372036854775808", CelValue.Int(long.MinValue) },
        { "uint64_value: 18446744073709551615", CelValue.Uint(ulong.MaxValue) },
        { "double_value: -2.5", CelValue.Double(-2.5) },
        { "double_value: nan", CelValue.Double(double.NaN) },
        { "double_value: -inf", CelValue.Double(double.NegativeInfinity) },
        { "double_value: 0", CelValue.Double(-0.0) },
        { "string_value: 'caf\\303\\251'", CelValue.String("café") },
        { "bytes_value: '\\000\\377'", CelValue.Bytes([0, 255]) },
        { "type_value: 'google.protobuf.Timestamp'", CelValue.TypeValue("google.protobuf.Timestamp") },
        { "list_value { values { int64_value: 1 } values { string_value: 'a' } }", CelValue.List([CelValue.Int(1), CelValue.String("a")]) },
        { "list_value {}", CelValue.List([]) },
        {
            "map_value { entries { key { string_value: 'a' } value { int64_value: 1 } } entries { key { int64_value: 2 } value { bool_value: false } } }",
            CelValue.Map([KeyValuePair.Create(CelValue.Int(2), CelValue.False), KeyValuePair.Create(CelValue.String("a"), CelValue.Int(1))])
        },
    };

    public static TheoryData<string, CelValue> MismatchingPairs => new()
    {
        { "int64_value: 1", CelValue.Uint(1) },
        { "int64_value: 1", CelValue.Double(1.0) },
        { "uint64_value: 1", CelValue.Int(1) },
        { "double_value: 1", CelValue.Int(1) },
        { "double_value: nan", CelValue.Double(1.0) },
        { "string_value: 'a'", CelValue.Bytes([(byte)'a']) },
        { "bytes_value: 'a'", CelValue.String("a") },
        { "bool_value: true", CelValue.Error("boom") },
        { "null_value: NULL_VALUE", CelValue.False },
        { "type_value: 'int'", CelValue.String("int") },
        { "list_value { values { int64_value: 1 } values { int64_value: 2 } }", CelValue.List([CelValue.Int(2), CelValue.Int(1)]) },
        { "list_value { values { int64_value: 1 } }", CelValue.List([CelValue.Int(1), CelValue.Int(1)]) },
        { "map_value { entries { key { int64_value: 1 } value { int64_value: 1 } } }", CelValue.Map([KeyValuePair.Create(CelValue.Uint(1), CelValue.Int(1))]) },
        { "map_value { entries { key { int64_value: 1 } value { int64_value: 1 } } }", CelValue.Map([KeyValuePair.Create(CelValue.Int(1), CelValue.Uint(1))]) },
        { "map_value { }", CelValue.Map([KeyValuePair.Create(CelValue.Int(1), CelValue.Int(1))]) },
    };

    [Theory]
    [MemberData(nameof(MatchingPairs))]
    public void Matches_SameKindAndValue_True(string expected, CelValue actual)
    {
        ConformanceValues.Matches(TextProtoParser.Parse(expected), actual).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(MismatchingPairs))]
    public void Matches_DifferentKindOrValue_False(string expected, CelValue actual)
    {
        ConformanceValues.Matches(TextProtoParser.Parse(expected), actual).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(MatchingPairs))]
    public void ToCel_AnyValue_MatchesItsOwnMessage(string expected, CelValue actual)
    {
        var message = TextProtoParser.Parse(expected);

        var converted = ConformanceValues.ToCel(message);

        converted.Kind.ShouldBe(actual.Kind);
        ConformanceValues.Matches(message, converted).ShouldBeTrue();
    }

    [Theory]
    [InlineData("null_value: NULL_VALUE", "null")]
    [InlineData("int64_value: -1", "-1")]
    [InlineData("uint64_value: 1", "1u")]
    [InlineData("double_value: 1", "1.0")]
    [InlineData("double_value: 1e20", "1E+20")]
    [InlineData("double_value: -inf", "-Infinity")]
    [InlineData("string_value: 'a\"b\\n'", "\"a\\\"b\\n\"")]
    [InlineData("bytes_value: '\\000\\377a'", "b\"\\x00\\xffa\"")]
    [InlineData("type_value: 'int'", "type(int)")]
    [InlineData("list_value { values { int64_value: 1 } values { string_value: 'a' } }", "[1, \"a\"]")]
    [InlineData("map_value { entries { key { string_value: 'k' } value { bool_value: true } } }", "{\"k\": true}")]
    [InlineData("object_value { [type.googleapis.com/google.protobuf.Duration] { seconds: 1 } }", "message [type.googleapis.com/google.protobuf.Duration]")]
    [InlineData("enum_value { type: 'GlobalEnum' value: 1 }", "enum GlobalEnum.1")]
    public void Format_ExpectedValue_CelLiteralStyle(string expected, string text)
    {
        ConformanceValues.Format(TextProtoParser.Parse(expected)).ShouldBe(text);
    }

    [Fact]
    public void BindingToCel_ErrorSet_BecomesErrorValue()
    {
        var binding = TextProtoParser.Parse("error { errors { message: 'a' } errors { message: 'b' } }");

        var value = ConformanceValues.BindingToCel(binding);

        value.IsError.ShouldBeTrue();
        value.ErrorMessage.ShouldBe("a; b");
    }

    [Fact]
    public void BindingToCel_Value_ConvertsTheValue()
    {
        ConformanceValues.BindingToCel(TextProtoParser.Parse("value { int64_value: 123 }")).AsInt().ShouldBe(123);
    }

    [Theory]
    [InlineData("int64_value: 1 uint64_value: 1")]
    [InlineData("")]
    public void Matches_ValueWithoutExactlyOneField_Throws(string expected)
    {
        Should.Throw<TextProtoFormatException>(() => ConformanceValues.Matches(TextProtoParser.Parse(expected), CelValue.Null));
    }

    [Fact]
    public void ToCel_ObjectValue_NotSupported()
    {
        Should.Throw<NotSupportedException>(() => ConformanceValues.ToCel(TextProtoParser.Parse("object_value { }")));
    }
}
