using System.Text;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary>Every write route, every kind of bad input: a 4xx problem document and not one row written.</summary>
public sealed class BadInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>Method, path (with {d} for a registered digest) and a string field of the body.</summary>
    public static readonly TheoryData<string, string, string> WriteRoutes = new()
    {
        { "POST", "/api/v1/images", "digest" },
        { "POST", "/api/v1/images/{d}/events", "event" },
        { "POST", "/api/v1/images/{d}/override", "to" },
        { "POST", "/api/v1/images/{d}/override/reject", "reason" },
        { "POST", "/api/v1/images/{d}/approvals", "role" },
        { "POST", "/api/v1/images/{d}/veto", "reason" },
        { "POST", "/api/v1/rollbacks", "repository" },
        { "PUT", "/api/v1/tags", "tag" },
        { "POST", "/api/v1/tokens", "name" },
    };

    /// <summary>Routes naming a digest in the path, with an otherwise valid body.</summary>
    public static readonly TheoryData<string, string, string?> DigestRoutes = new()
    {
        { "POST", "/api/v1/images/{d}/events", """{"event": "scan_failed"}""" },
        { "POST", "/api/v1/images/{d}/override", """{"to": "Active", "reason": "x"}""" },
        { "POST", "/api/v1/images/{d}/override/reject", """{"reason": "x"}""" },
        { "POST", "/api/v1/images/{d}/approvals", """{"role": "qa"}""" },
        { "POST", "/api/v1/images/{d}/veto", """{"reason": "x"}""" },
        { "GET", "/api/v1/images/{d}", null },
        { "GET", "/api/v1/images/{d}/history", null },
        { "GET", "/api/v1/images/{d}/override", null },
    };

    private ServerHarness Server => fixture.Server;

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Write_MalformedJson_Returns400(string method, string path, string field)
    {
        _ = field;
        await ExpectAsync(method, path, """{"reason": "x", """, 400);
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Write_WrongType_Returns400NamingTheField(string method, string path, string field) =>
        await ExpectAsync(method, path, $$"""{"{{field}}": 42}""", 400, field);

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Write_NotAnObject_Returns400(string method, string path, string field)
    {
        _ = field;
        await ExpectAsync(method, path, "[1, 2, 3]", 400);
        await ExpectAsync(method, path, "\"text\"", 400);
        await ExpectAsync(method, path, "null", 400);
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Write_EmptyBody_Returns400(string method, string path, string field)
    {
        _ = field;
        await ExpectAsync(method, path, new StringContent(string.Empty, Encoding.UTF8, "application/json"), 400);
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Write_UnknownOrDuplicateProperty_Returns400(string method, string path, string field)
    {
        await ExpectAsync(method, path, """{"surprise": "x"}""", 400, "surprise");
        await ExpectAsync(method, path, $$"""{"{{field}}": "a", "{{field}}": "b"}""", 400);
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Write_DeeplyNested_Returns400(string method, string path, string field)
    {
        _ = field;
        await ExpectAsync(method, path, "{\"params\":" + new string('[', 200) + new string(']', 200) + "}", 400);
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Write_OversizedBody_Returns413(string method, string path, string field)
    {
        _ = field;
        await ExpectAsync(method, path, $$"""{"reason": "{{new string('x', 2 * 1024 * 1024)}}"}""", 413, expectContinue: true);
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Write_NotJsonContentType_Returns415(string method, string path, string field) =>
        await ExpectAsync(method, path, new StringContent($$"""{"{{field}}": "x"}""", Encoding.UTF8, "text/plain"), 415);

    [Theory]
    [MemberData(nameof(DigestRoutes))]
    public async Task DigestRoute_MalformedDigest_Returns400(string method, string path, string? body)
    {
        var before = await Server.CountsAsync();
        using var response = await Server.Admin.SendAsync(new HttpMethod(method), path.Replace("{d}", "sha256:XYZ", StringComparison.Ordinal), body);
        await response.ShouldBeProblemAsync(400, "digest");
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Write_UnknownStatesAndEvents_Return400AndWriteNothing()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        await ExpectAsync("POST", $"/api/v1/images/{digest}/events", """{"event": "fly"}""", 400, "event");
        await ExpectAsync("POST", $"/api/v1/images/{digest}/events", """{"event": ""}""", 400, "event");
        await ExpectAsync("POST", $"/api/v1/images/{digest}/override", """{"to": "Heaven", "reason": "x"}""", 400, "to");
        await ExpectAsync("POST", $"/api/v1/images/{digest}/events", """{"event": "scan_failed", "params": {"to": 3}}""", 400, "params.to");
        await ExpectAsync("POST", $"/api/v1/images/{digest}/events", """{"event": "scan_failed", "params": {"to": null}}""", 400, "params.to");
        await ExpectAsync("GET", "/api/v1/images?state=Heaven", null, 400, "state");
    }

    [Fact]
    public async Task Route_Unknown_Returns404Problem()
    {
        using var response = await Server.Admin.GetAsync("/api/v1/nothing-here");
        await response.ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Route_WrongMethod_Returns405Problem()
    {
        using var response = await Server.Admin.SendAsync(HttpMethod.Delete, "/api/v1/images");
        await response.ShouldBeProblemAsync(405);
    }

    [Fact]
    public async Task TokenRevoke_BadName_Returns400()
    {
        using var response = await Server.Admin.SendAsync(HttpMethod.Delete, "/api/v1/tokens/bad%20name");
        await response.ShouldBeProblemAsync(400, "name");
    }

    private async Task ExpectAsync(string method, string path, object? body, int status, string? field = null, bool expectContinue = false)
    {
        if (path.Contains("{d}", StringComparison.Ordinal))
        {
            path = path.Replace("{d}", await Server.RegisterAsync("team-a/api"), StringComparison.Ordinal);
        }

        var before = await Server.CountsAsync();
        using var response = await Server.Admin.SendAsync(new HttpMethod(method), path, body, expectContinue: expectContinue);
        await response.ShouldBeProblemAsync(status, field);
        (await Server.CountsAsync()).ShouldBe(before, $"{method} {path} wrote rows");
    }
}
