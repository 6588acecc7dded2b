using Vivido.Testing;

namespace Vivido.Cel.Tests.Conformance;

public class TextProtoParserTests
{
    [Fact]
    public void Parse_ScalarFields_KeepsSourceOrder()
    {
        var message = TextProtoParser.Parse("name: \"n\"\nexpr: 'x'\ncount: 3\nkind: NULL_VALUE\n");

        message.Fields.Select(f => f.Name).ShouldBe(["name", "expr", "count", "kind"]);
        message.String("name").ShouldBe("n");
        message.String("expr").ShouldBe("x");
        message.Scalar("count")!.AsInt64().ShouldBe(3);
        message.Scalar("kind")!.AsEnum().ShouldBe("NULL_VALUE");
    }

    [Theory]
    [InlineData("a { x: 1 }")]
    [InlineData("a: { x: 1 }")]
    [InlineData("a < x: 1 >")]
    [InlineData("a: < x: 1 >")]
    [InlineData("a {x:1;}")]
    [InlineData("a {\n  x: 1,\n}")]
    public void Parse_MessageForms_AllReadTheSame(string text)
    {
        var message = TextProtoParser.Parse(text);

        message.Fields.Count.ShouldBe(1);
        message.Message("a")!.Scalar("x")!.AsInt64().ShouldBe(1);
    }

    [Fact]
    public void Parse_RepeatedFields_KeepsEveryOccurrenceInOrder()
    {
        var message = TextProtoParser.Parse("v: 1 w: 9 v: 2\nv: 3");

        message.All("v").Cast<TextProtoScalar>().Select(s => s.AsInt64()).ShouldBe([1L, 2L, 3L]);
        Should.Throw<TextProtoFormatException>(() => message.Single("v"));
    }

    [Fact]
    public void Parse_ListSyntax_ExpandsToRepeatedField()
    {
        var message = TextProtoParser.Parse("v: [1, -2, 3] m: [{x: 1}, <x: 2>] n [{x: 3}] e: [] s: ['a' 'b', \"c\"]");

        message.All("v").Cast<TextProtoScalar>().Select(s => s.AsInt64()).ShouldBe([1L, -2L, 3L]);
        message.Messages("m").Select(m => m.Scalar("x")!.AsInt64()).ShouldBe([1L, 2L]);
        message.Messages("n").Single().Scalar("x")!.AsInt64().ShouldBe(3);
        message.Has("e").ShouldBeFalse();
        message.All("s").Cast<TextProtoScalar>().Select(s => s.AsString()).ShouldBe(["ab", "c"]);
    }

    [Fact]
    public void Parse_Comments_IgnoredOutsideStrings()
    {
        var message = TextProtoParser.Parse("# header\na: 1 # trailing\n# b: 2\nc: \"# kept\" # gone\n");

        message.Fields.Select(f => f.Name).ShouldBe(["a", "c"]);
        message.String("c").ShouldBe("# kept");
    }

    [Fact]
    public void Parse_ExpandedAnyName_KeepsBracketedTypeUrl()
    {
        var message = TextProtoParser.Parse(
            "object_value { [type.googleapis.com/google.protobuf.Duration] { seconds: 123 nanos: 321456789 } }");

        var any = message.Message("object_value")!;
        any.Fields.Single().Name.ShouldBe("[type.googleapis.com/google.protobuf.Duration]");
        any.Message("[type.googleapis.com/google.protobuf.Duration]")!.Scalar("nanos")!.AsInt64().ShouldBe(321456789);
    }

    [Fact]
    public void Parse_AdjacentStringsAcrossLines_Concatenated()
    {
        var message = TextProtoParser.Parse("expr:\n  \"a == \"\n  # between\n  ' b'\n");

        message.String("expr").ShouldBe("a ==  b");
    }

    [Theory]
    [InlineData("a { x: 1", "1:9: expected a field name but found end of input")]
    [InlineData("a: }", "1:4: expected a value but found '}'")]
    [InlineData("a 1", "1:3: expected '{' or '<' but found '1'")]
    [InlineData("a: 'abc\n'", "1:4: unterminated string literal")]
    [InlineData("a: - foo", "1:6: expected a number, 'inf' or 'nan' after '-' but found 'foo'")]
    [InlineData("a: [1 2]", "1:7: expected ',' but found '2'")]
    [InlineData("a { x: 1 >", "1:10: expected a field name but found '>'")]
    [InlineData("\n  a: 1x", "2:6: malformed number '1x'")]
    [InlineData("a: 1.2.3", "1:4: malformed number '1.2.3'")]
    [InlineData("a: 09", "1:4: malformed number '09'")]
    [InlineData("a: @", "1:4: unexpected character '@'")]
    [InlineData("n [1]", "1:4: expected '{' (a list without ':' holds only messages) but found '1'")]
    public void Parse_MalformedInput_ThrowsWithPosition(string text, string message)
    {
        var ex = Should.Throw<TextProtoFormatException>(() => TextProtoParser.Parse(text));

        ex.Message.ShouldBe(message);
    }

    [Fact]
    public void Message_ScalarReadAsMessage_Throws()
    {
        var message = TextProtoParser.Parse("a: 1 b { }");

        Should.Throw<TextProtoFormatException>(() => message.Message("a")).Message.ShouldContain("is a scalar");
        Should.Throw<TextProtoFormatException>(() => message.Scalar("b")).Message.ShouldContain("is a message");
        message.Message("missing").ShouldBeNull();
        message.String("missing", "fallback").ShouldBe("fallback");
        message.Bool("missing").ShouldBeFalse();
    }

    [Fact]
    public void ParseFile_CelSpecFixtures_ReadsEveryTest()
    {
        var counts = ConformanceSuite.FileNames.ToDictionary(
            name => name,
            name => TextProtoParser.ParseFile(TestPaths.Fixture("cel-spec", name + ".textproto")));

        counts.Keys.ShouldBe(ConformanceSuite.FileNames);
        foreach (var (name, file) in counts)
        {
            file.String("name").ShouldBe(name);
            file.Messages("section").ShouldAllBe(s => s.Messages("test").All(t => t.String("expr").Length > 0));
        }

        counts.Values.Sum(f => f.Messages("section").Sum(s => s.Messages("test").Count())).ShouldBe(1088);
    }
}
