namespace Vivido.Cel.Tests.Conformance;

public class ConformanceSkipRulesTests
{
    [Theory]
    [InlineData("expr: '1' check_only: true", "type-check only")]
    [InlineData("expr: '1' typed_result { deduced_type { primitive: INT64 } }", "type-check only")]
    [InlineData("expr: 'x' unknown { exprs: 1 }", "expects an unknown set")]
    [InlineData("expr: 'x' any_unknowns { }", "expects an unknown set")]
    [InlineData("expr: '[1].all(x, x > 0)' disable_macros: true", "disable_macros")]
    [InlineData("expr: 'x' value { object_value { [type.googleapis.com/google.protobuf.Duration] { seconds: 1 } } }", "expected value is a protobuf message")]
    [InlineData("expr: 'x' value { list_value { values { enum_value { type: 'E' value: 1 } } } }", "expected value is a protobuf message or enum")]
    [InlineData("expr: 'x' bindings { key: 'x' value { value { object_value { } } } }", "a binding is a protobuf message")]
    [InlineData("expr: 'x' bindings { key: 'x' value { unknown { } } }", "a binding is an unknown set")]
    [InlineData("expr: 'TestAllTypes{single_int64: 1}.single_int64 == 1'", "constructs a protobuf message")]
    [InlineData("expr: 'google.protobuf.Int32Value{value: 1} == 1'", "constructs a protobuf message")]
    [InlineData("expr: 'GlobalEnum.GAZ == 2' container: 'cel.expr.conformance.proto3'", "container names a proto package")]
    [InlineData("expr: '[// c\\nTestAllTypes// c\\n{single_int64: 1}]'", "constructs a protobuf message")]
    [InlineData("expr: 'a.?b.orValue(1)'", "optional syntax")]
    [InlineData("expr: 'm[?\"k\"]'", "optional syntax")]
    [InlineData("expr: '{?\"k\": x}'", "optional syntax")]
    [InlineData("expr: '[1, ?x]'", "optional syntax")]
    [InlineData("expr: 'optional.of(1).hasValue()'", "optional syntax")]
    public void Match_UnsupportedFeature_ReturnsReason(string test, string reason)
    {
        ConformanceSkipRules.Match(Case(test)).ShouldNotBeNull().ShouldContain(reason);
    }

    [Theory]
    [InlineData("expr: '1 + 1' value { int64_value: 2 }")]
    [InlineData("expr: \"'TestAllTypes{' + 'a.?b' + 'optional.of'\" value { string_value: 'x' }")]
    [InlineData("expr: 'x' container: 'cel.expr.conformance.proto3' bindings { key: 'x' value { value { int64_value: 1 } } }")]
    [InlineData("expr: 'type(timestamp(0)) == google.protobuf.Timestamp'")]
    [InlineData("expr: 'true ? 1 : 2' value { int64_value: 1 }")]
    [InlineData("expr: \"R'a' + B'b' == 'ab'\" container: 'pkg'")]
    [InlineData("expr: '1 / 0' eval_error { errors { message: 'divide by zero' } }")]
    [InlineData("expr: '{\"a\": 1}.a' value { int64_value: 1 }")]
    public void Match_SupportedCase_ReturnsNull(string test)
    {
        ConformanceSkipRules.Match(Case(test)).ShouldBeNull();
    }

    [Fact]
    public void Rules_EveryReason_IsDistinct()
    {
        var reasons = ConformanceSkipRules.Rules.Select(r => r.Reason).ToList();

        reasons.Distinct().Count().ShouldBe(reasons.Count);
    }

    private static ConformanceCase Case(string test) => new("unit", "section", TextProtoParser.Parse("name: 't' " + test));
}
