namespace Vivido.Cli.Tests;

public sealed class PolicyEvalTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("vivido-policy-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("18446744073709551615u", "18446744073709551615")]
    [InlineData("2.5 * 2.0", "5")]
    [InlineData("b'\\x00\\xff'", "\"AP8=\"")]
    [InlineData("'a' + 'b'", "\"ab\"")]
    [InlineData("null", "null")]
    [InlineData("[1, 'x', true]", "[1,\"x\",true]")]
    [InlineData("{1: 'one', 'k': 2}", "{\"1\":\"one\",\"k\":2}")]
    [InlineData("timestamp('2026-01-02T03:04:05Z')", "\"2026-01-02T03:04:05Z\"")]
    [InlineData("duration('1h')", "\"3600s\"")]
    [InlineData("type(1)", "\"int\"")]
    public async Task Eval_Expression_PrintsJson(string expression, string json)
    {
        var result = await CliRun.RunAsync("policy", "eval", expression);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Trim().ShouldBe(json);
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Eval_WithInput_ResolvesTopLevelVariables()
    {
        var input = Path.Combine(dir, "vars.json");
        await File.WriteAllTextAsync(input, """{"image": {"scan": {"critical": 0, "score": 9.5}}, "who": "ci"}""");

        var result = await CliRun.RunAsync("policy", "eval", "image.scan.critical == 0 && image.scan.score >= 9.0 && who == 'ci'", "--input", input);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Trim().ShouldBe("true");
    }

    [Theory]
    [InlineData("1 +", "compile error: 1:4")]
    [InlineData("1 / 0", "evaluation error: ")]
    [InlineData("{'a': 1}.b", "evaluation error: ")]
    [InlineData("9223372036854775807 + 1", "evaluation error: ")]
    [InlineData("missing == 1", "evaluation error: ")]
    public async Task Eval_BadExpression_OneLineOnStderrExit1(string expression, string prefix)
    {
        var result = await CliRun.RunAsync("policy", "eval", expression);

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBeEmpty();
        result.ErrorLines.Length.ShouldBe(1);
        result.ErrorLines[0].ShouldStartWith("vivido: " + prefix);
    }

    [Theory]
    [InlineData("not json", "invalid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    public async Task Eval_BadInputFile_OneLineOnStderrExit1(string content, string message)
    {
        var input = Path.Combine(dir, "vars.json");
        await File.WriteAllTextAsync(input, content);

        var result = await CliRun.RunAsync("policy", "eval", "1", "--input", input);

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.Length.ShouldBe(1);
        result.ErrorLines[0].ShouldContain(message);
    }

    [Fact]
    public async Task Eval_MissingInputFile_OneLineOnStderrExit1()
    {
        var result = await CliRun.RunAsync("policy", "eval", "1", "--input", Path.Combine(dir, "nope.json"));

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("input file not found");
    }
}
