using Vivido.Cli.Tests.Support;
using Vivido.Registry;
using Vivido.Testing;

namespace Vivido.Cli.Tests;

/// <summary><c>vivido sign verify</c> and <c>vivido cleanup</c> against a real server and a live registry.</summary>
public sealed class SignAndCleanupCommandTests(RegistryCliServer server) : IClassFixture<RegistryCliServer>
{
    [Fact]
    public async Task SignVerify_SignedImage_ExitsZeroNamingTheKey()
    {
        var (repository, digest) = await server.PushAsync("sign/signed", "v1");
        await TestSignatures.PushAsync(server.Registry, "sign/signed", digest, server.Release);

        var run = await server.AdminAsync("sign", "verify", $"{repository}@{digest}");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Trim().ShouldBe($"verified: {repository}@{digest} signed by release (1 signature(s) found)");
    }

    [Fact]
    public async Task SignVerify_Unsigned_Exits3WithTheReason()
    {
        var (repository, digest) = await server.PushAsync("sign/unsigned", "v1");

        var run = await server.AdminAsync("sign", "verify", $"{repository}@{digest}");

        run.ExitCode.ShouldBe(3);
        run.Output.Trim().ShouldBe($"not verified: {repository}@{digest}: no-signature (0 signature(s) found)");
    }

    [Fact]
    public async Task SignVerify_WrongRepository_Exits1WithOneLine()
    {
        var (_, digest) = await server.PushAsync("sign/wrong", "v1");

        var run = await server.AdminAsync("sign", "verify", $"{server.Registry.Host}/sign/other@{digest}");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("is registered in repository");
    }

    [Theory]
    [InlineData("team/app")]
    [InlineData("sha256:abc")]
    [InlineData("team/app@")]
    public async Task SignVerify_NotRepoAtDigest_Exits1(string reference)
    {
        var run = await server.AdminAsync("sign", "verify", reference);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldContain("is not REPO@DIGEST");
    }

    [Fact]
    public async Task Cleanup_DryRunThenRun_ListsThenDeletesExactlyThatList()
    {
        var old = await server.PushRetiredAsync("clean/web", "v1");
        var newest = await server.PushRetiredAsync("clean/web", "v2");

        var dryRun = await server.AdminAsync("cleanup", "--dry-run", "--at", "2099-01-01T00:00:00Z");
        var run = await server.AdminAsync("cleanup");
        var again = await server.AdminAsync("cleanup");

        dryRun.ExitCode.ShouldBe(0, dryRun.Error);
        var planned = Row(dryRun.Output, old);
        planned[0].ShouldBe("delete");
        Row(dryRun.Output, newest)[0].ShouldBe("keep");
        dryRun.Output.ShouldContain("rollback candidate #1 of 1");
        dryRun.Output.ShouldContain("plan at 2099-01-01 00:00:00Z");
        run.ExitCode.ShouldBe(0, run.Error);
        Row(run.Output, old)[0].ShouldBe("deleted");
        run.Output.Trim().Split('\n')[^1].ShouldBe("1 deleted, 0 failed");
        Row(again.Output, old)[0].ShouldBe("gone");
        using var factory = new RegistryClientFactory(new RegistrySettings([new RegistryHostSettings(server.Registry.Host, Insecure: true)]));
        (await factory.For(server.Registry.Host).ResolveAsync("clean/web", old)).ShouldBeNull();
        (await factory.For(server.Registry.Host).ResolveAsync("clean/web", newest)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Cleanup_AtWithoutDryRun_Exits1()
    {
        var run = await server.AdminAsync("cleanup", "--at", "2099-01-01T00:00:00Z");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldBe("vivido: --at only plans: use it with --dry-run");
    }

    [Fact]
    public async Task Cleanup_DryRunJson_PrintsThePlanDocument()
    {
        var run = await server.AdminAsync("cleanup", "--dry-run", "-o", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Json().EnumerateObject().Select(p => p.Name).ShouldBe(["at", "keepRollbackCandidates", "delete", "keep", "alreadyDeleted"]);
    }

    private static string[] Row(string output, string digest) =>
        output.Split('\n').Single(line => line.Contains(digest, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
