using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary>The webhook flags of the real <c>vivido serve</c>: a bad value stops the start with one line.</summary>
public sealed class WebhookServeFlagsTests
{
    [Theory]
    [InlineData("--harbor-secret-file", "missing", "--harbor-secret-file: cannot read")]
    [InlineData("--github-secret-file", "empty", "--github-secret-file: ")]
    [InlineData("--distribution-host", "a/b", "--distribution-host: 'a/b' is not a registry host")]
    public async Task Serve_BadWebhookFlag_ExitsWithOneLine(string flag, string value, string expected)
    {
        var data = Directory.CreateTempSubdirectory("vivido-flags-").FullName;
        try
        {
            var empty = Path.Combine(data, "empty");
            await File.WriteAllTextAsync(empty, "\n");
            var argument = value switch
            {
                "missing" => Path.Combine(data, "no-such-file"),
                "empty" => empty,
                _ => value,
            };

            var (exitCode, _, error) = await VividoCli.RunAsync(new Dictionary<string, string>(), "serve", "--data", data, "--urls", "http://127.0.0.1:0", flag, argument);

            exitCode.ShouldBe(1);
            error.Trim().ShouldStartWith("vivido: " + expected);
            error.Trim().Split('\n').Length.ShouldBe(1, error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
