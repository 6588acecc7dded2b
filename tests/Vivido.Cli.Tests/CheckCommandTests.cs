using Vivido.Testing;

namespace Vivido.Cli.Tests;

/// <summary><c>vivido check</c> against a real server: the admission decision as an exit code.</summary>
public sealed class CheckCommandTests(ClientTestServer server) : IClassFixture<ClientTestServer>
{
    [Fact]
    public async Task Check_BuildingImage_Exit3WithTheReasonOnStderr()
    {
        var digest = await server.RegisterAsync("registry.example.com/team/api");

        var run = await server.AdminAsync("check", $"registry.example.com/team/api@{digest}", "--namespace", "prod-eu");

        run.ExitCode.ShouldBe(3);
        run.Output.ShouldBe($"denied: registry.example.com/team/api@{digest} -> {digest} (Building) in namespace prod-eu\n");
        run.Error.ShouldBe($"vivido: image registry.example.com/team/api@{digest} is Building; namespace prod-eu allows Active (rule prod-*)\n");
    }

    [Fact]
    public async Task Check_ScannedImageInStaging_Exit0()
    {
        var digest = await server.RegisterAsync("registry.example.com/team/api");
        (await server.AdminAsync("scan", "ingest", TestPaths.Fixture("trivy", "trivy-sle-micro-rancher-5.4-clean.json"), "--image", digest)).ExitCode.ShouldBe(0);
        (await server.AdminAsync("event", digest, "scan_passed")).ExitCode.ShouldBe(0);

        var run = await server.AdminAsync("check", $"registry.example.com/team/api@{digest}", "-n", "staging");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"allowed: registry.example.com/team/api@{digest} -> {digest} (Scanned) in namespace staging\n");
    }

    [Fact]
    public async Task Check_JsonOutput_PrintsTheApiDocument()
    {
        var run = await server.AdminAsync("check", "nginx:1.25", "--namespace", "prod-eu", "-o", "json");

        run.ExitCode.ShouldBe(3);
        var json = run.Json();
        (json.GetProperty("allowed").GetBoolean(), json.GetProperty("namespace").GetString()).ShouldBe((false, "prod-eu"));
    }

    [Theory]
    [InlineData("Nginx", "prod", "vivido: invalid image reference")]
    [InlineData("nginx", "Prod", "vivido: expected a Kubernetes namespace name")]
    public async Task Check_BadInput_Exit1WithOneLine(string image, string namespaceName, string message)
    {
        var run = await server.AdminAsync("check", image, "--namespace", namespaceName);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldStartWith(message);
        run.Error.TrimEnd('\n').ShouldNotContain("\n");
    }

    [Fact]
    public async Task Check_Help_DescribesTheExitCodes()
    {
        var run = await ClientRun.RunAsync("check", "--help");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("Exit 0 allowed, 3 denied");
        run.Output.ShouldContain("--namespace");
    }
}
