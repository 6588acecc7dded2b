namespace Vivido.Cel.Tests;

public class CelValueTests
{
    [Fact]
    public void Factories_ScalarValues_RoundTrip()
    {
        CelValue.Bool(true).AsBool().ShouldBeTrue();
        CelValue.Int(-5).AsInt().ShouldBe(-5);
        CelValue.Uint(ulong.MaxValue).AsUint().ShouldBe(ulong.MaxValue);
        CelValue.Double(2.5).AsDouble().ShouldBe(2.5);
        CelValue.String("x").AsString().ShouldBe("x");
        CelValue.Bytes([1, 2]).AsBytes().ShouldBe(new byte[] { 1, 2 });
        CelValue.TypeValue("int").AsTypeName().ShouldBe("int");
        CelValue.Error("boom").ErrorMessage.ShouldBe("boom");
        CelValue.Null.Kind.ShouldBe(CelKind.Null);
        default(CelValue).Kind.ShouldBe(CelKind.Null);
        CelValue.True.AsBool().ShouldBeTrue();
        CelValue.False.AsBool().ShouldBeFalse();
    }

    [Theory]
    [InlineData(CelKind.Null, "null_type")]
    [InlineData(CelKind.Bool, "bool")]
    [InlineData(CelKind.Int, "int")]
    [InlineData(CelKind.Timestamp, "google.protobuf.Timestamp")]
    [InlineData(CelKind.Duration, "google.protobuf.Duration")]
    [InlineData(CelKind.Type, "type")]
    [InlineData(CelKind.Error, "error")]
    public void TypeName_ForEachKind_IsCelTypeName(CelKind kind, string expected)
    {
        var value = kind switch
        {
            CelKind.Null => CelValue.Null,
            CelKind.Bool => CelValue.True,
            CelKind.Int => CelValue.Int(1),
            CelKind.Timestamp => CelValue.Timestamp(0, 0),
            CelKind.Duration => CelValue.Duration(1, 0),
            CelKind.Type => CelValue.TypeValue("int"),
            _ => CelValue.Error("x"),
        };
        value.Kind.ShouldBe(kind);
        value.TypeName.ShouldBe(expected);
        value.IsError.ShouldBe(kind == CelKind.Error);
    }

    [Fact]
    public void Accessors_WrongKind_Throw()
    {
        Should.Throw<InvalidOperationException>(() => CelValue.Int(1).AsString());
        Should.Throw<InvalidOperationException>(() => CelValue.String("1").AsInt());
        Should.Throw<InvalidOperationException>(() => CelValue.Int(1).ErrorMessage);
    }

    [Fact]
    public void Timestamp_FromDateTimeOffset_KeepsInstantAndTicks()
    {
        var instant = new DateTimeOffset(2009, 2, 13, 23, 31, 30, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var value = CelValue.Timestamp(instant);
        value.AsTimestamp().ShouldBe(instant);
        value.AsTimestamp().Offset.ShouldBe(TimeSpan.Zero);
        value.AsTimestampParts().ShouldBe((1_234_560_690L, 123_456_700));
    }

    [Fact]
    public void Timestamp_FromParts_NormalizesNanos()
    {
        CelValue.Timestamp(10, -1).AsTimestampParts().ShouldBe((9L, 999_999_999));
        CelValue.Timestamp(10, 1_500_000_000).AsTimestampParts().ShouldBe((11L, 500_000_000));
        CelValue.Timestamp(-1, 0).AsTimestamp().ShouldBe(DateTimeOffset.UnixEpoch.AddSeconds(-1));
    }

    [Fact]
    public void Duration_FromTimeSpanAndParts_KeepSign()
    {
        CelValue.Duration(TimeSpan.FromMilliseconds(-1500)).AsDurationParts().ShouldBe((-1L, -500_000_000));
        CelValue.Duration(1, -1).AsDurationParts().ShouldBe((0L, 999_999_999));
        CelValue.Duration(90, 0).AsDuration().ShouldBe(TimeSpan.FromSeconds(90));
        CelValue.Duration(TimeSpan.FromHours(1)).ShouldBe(CelValue.Duration(3600, 0));
    }

    [Fact]
    public void List_WrapsHostListWithoutCopying()
    {
        var items = new List<CelValue> { CelValue.Int(1) };
        var list = CelValue.List(items).AsList();
        items.Add(CelValue.Int(2));
        list.Count.ShouldBe(2);
        list[1].AsInt().ShouldBe(2);
    }

    [Fact]
    public void Map_StringAndValueKeyedFactories_LookUpByCelEquality()
    {
        var map = CelValue.Map([new KeyValuePair<CelValue, CelValue>(CelValue.Int(1), CelValue.String("one"))]).AsMap();
        map.TryGetValue(CelValue.Uint(1), out var one).ShouldBeTrue();
        one.AsString().ShouldBe("one");
        map.TryGetValue(CelValue.Double(1.0), out _).ShouldBeTrue();
        map.TryGetValue(CelValue.String("1"), out _).ShouldBeFalse();

        var byName = Cel.Map(("a", CelValue.Int(1)), ("a", CelValue.Int(2))).AsMap();
        byName.Count.ShouldBe(1);
        byName.TryGetValue(CelValue.String("a"), out var a).ShouldBeTrue();
        a.AsInt().ShouldBe(2);
    }

    [Fact]
    public void HostMapSubclass_IsUsableFromExpressions()
    {
        var activation = new CelActivation().Set("env", CelValue.Map(new EnvironmentMap()));
        Cel.EvalBool("env.region == 'eu-1' && has(env.zone) == false && size(env) == 1", activation).ShouldBeTrue();
    }

    [Theory]
    [InlineData("[1, 'a', true, null]", "[1, \"a\", true, null]")]
    [InlineData("{'k': 2u}", "{\"k\": 2u}")]
    [InlineData("1.0", "1.0")]
    [InlineData("b'a\\xff'", "b\"a\\xff\"")]
    [InlineData("timestamp('2009-02-13T23:31:30Z')", "timestamp(\"2009-02-13T23:31:30Z\")")]
    [InlineData("duration('1.5s')", "duration(\"1.5s\")")]
    [InlineData("int", "int")]
    [InlineData("'a\"\\n'", "\"a\\\"\\n\"")]
    public void ToString_RendersCelLiteralText(string expression, string expected) =>
        Cel.Eval(expression).ToString().ShouldBe(expected);

    [Fact]
    public void ToString_Error_ShowsMessage() =>
        CelValue.Error("boom").ToString().ShouldBe("error(boom)");

    [Fact]
    public void Factories_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => CelValue.String(null!));
        Should.Throw<ArgumentNullException>(() => CelValue.List((CelList)null!));
        Should.Throw<ArgumentNullException>(() => new CelActivation().Set(null!, CelValue.Null));
    }

    private sealed class EnvironmentMap : CelMap
    {
        public override int Count => 1;

        public override IEnumerable<KeyValuePair<CelValue, CelValue>> Entries =>
            [new(CelValue.String("region"), CelValue.String("eu-1"))];

        public override bool TryGetValue(CelValue key, out CelValue value)
        {
            var found = key.Kind == CelKind.String && key.AsString() == "region";
            value = found ? CelValue.String("eu-1") : default;
            return found;
        }
    }
}
