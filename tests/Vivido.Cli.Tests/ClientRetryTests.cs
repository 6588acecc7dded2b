using System.Net;
using System.Net.Sockets;
using Vivido.Cli.Tests.Support;

namespace Vivido.Cli.Tests;

/// <summary>The client's retries against a scripted stub server: same Idempotency-Key on every attempt, Retry-After honoured and capped.</summary>
public sealed class ClientRetryTests
{
    private const string Transition = """
        {"image":{"digest":"sha256:aa","repository":"team/app","state":"Failed","version":2},
         "transition":{"seq":2,"digest":"sha256:aa","event":"scan_failed","from":"Building","to":"Failed","kind":"accepted"},"effects":[]}
        """;

    [Fact]
    public async Task Post_503TwiceThen200_RetriesWithTheSameGeneratedKey()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Unavailable(), StubReply.Unavailable(), StubReply.Ok());
        var time = new ImmediateTimeProvider();
        using var client = Client(stub, time);

        var response = await client.SendAsync(HttpMethod.Post, "api/v1/images", new { digest = "x" }, null, CancellationToken.None);

        response.Status.ShouldBe(200);
        var keys = stub.Requests.Select(r => r.IdempotencyKey).ToList();
        keys.Count.ShouldBe(3);
        keys.Distinct().ShouldHaveSingleItem().ShouldStartWith("vivido-cli-");
    }

    [Fact]
    public async Task EventVerb_503TwiceThen200_SendsTheUsersKeyEveryTimeAndSucceeds()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Unavailable(), StubReply.Unavailable(), StubReply.Ok(Transition));

        var run = await CliRun.RunAsync("event", "sha256:aa", "scan_failed", "--idempotency-key", "ticket-42", "--server", stub.Url.ToString(), "--token", "t");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe("sha256:aa: Building -> Failed by scan_failed, version 2\n");
        stub.Requests.Select(r => r.IdempotencyKey).ShouldBe(["ticket-42", "ticket-42", "ticket-42"]);
    }

    [Fact]
    public async Task TwoWrites_OneInvocationEach_GetDifferentKeys()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Ok());
        using var client = Client(stub, new ImmediateTimeProvider());

        await client.SendAsync(HttpMethod.Post, "api/v1/images", new { digest = "a" }, null, CancellationToken.None);
        await client.SendAsync(HttpMethod.Put, "api/v1/tags", new { tag = "b" }, null, CancellationToken.None);

        stub.Requests.Select(r => r.IdempotencyKey).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Get_503ThenOk_IsRetriedWithoutAKey()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Unavailable(), StubReply.Ok());
        using var client = Client(stub, new ImmediateTimeProvider());

        var response = await client.SendAsync(HttpMethod.Get, "api/v1/images", null, null, CancellationToken.None);

        response.Status.ShouldBe(200);
        stub.Requests.Count.ShouldBe(2);
        stub.Requests.ShouldAllBe(r => r.IdempotencyKey == string.Empty);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("30", 10)]
    [InlineData(null, 1)]
    public async Task RetryAfter_IsHonouredAndCappedAt10Seconds(string? retryAfter, int expectedSeconds)
    {
        await using var stub = await StubServer.StartAsync(StubReply.Unavailable(retryAfter), StubReply.Ok());
        var time = new ImmediateTimeProvider();
        using var client = Client(stub, time);

        await client.SendAsync(HttpMethod.Post, "api/v1/images", new { }, null, CancellationToken.None);

        time.Delays.ShouldBe([TimeSpan.FromSeconds(expectedSeconds)]);
    }

    [Fact]
    public async Task TooManyRequests_AndKeyInProgress_AreRetried()
    {
        await using var stub = await StubServer.StartAsync(
            new StubReply(429, """{"type":"urn:vivido:problem:too-many-requests","status":429,"detail":"slow down"}""", "1"),
            new StubReply(409, """{"type":"urn:vivido:problem:idempotency-key-in-progress","status":409,"detail":"still running"}""", "1"),
            StubReply.Ok());
        var time = new ImmediateTimeProvider();
        using var client = Client(stub, time);

        var response = await client.SendAsync(HttpMethod.Post, "api/v1/images", new { }, null, CancellationToken.None);

        response.Status.ShouldBe(200);
        stub.Requests.Count.ShouldBe(3);
        time.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)]);
    }

    [Theory]
    [InlineData(409, "urn:vivido:problem:version-conflict")]
    [InlineData(422, "urn:vivido:problem:guards-unmet")]
    [InlineData(500, "urn:vivido:problem:internal")]
    [InlineData(400, "urn:vivido:problem:invalid-input")]
    public async Task OtherErrors_AreNotRetried(int status, string type)
    {
        await using var stub = await StubServer.StartAsync(new StubReply(status, $$"""{"type":"{{type}}","status":{{status}},"detail":"no"}"""), StubReply.Ok());
        using var client = Client(stub, new ImmediateTimeProvider());

        var response = await client.SendAsync(HttpMethod.Post, "api/v1/images", new { }, null, CancellationToken.None);

        response.Status.ShouldBe(status);
        stub.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    public async Task AlwaysUnavailable_GivesUpAfterTheConfiguredRetriesWithTheProblemsMessage(int retries, int attempts)
    {
        await using var stub = await StubServer.StartAsync(StubReply.Unavailable());
        using var client = Client(stub, new ImmediateTimeProvider(), retries);

        var response = await client.SendAsync(HttpMethod.Post, "api/v1/images", new { }, null, CancellationToken.None);

        response.Status.ShouldBe(503);
        stub.Requests.Count.ShouldBe(attempts);
        ApiFailure.From(response).Message.ShouldBe("the database cannot be reached; the write was not applied (HTTP 503)");
    }

    [Fact]
    public async Task ConnectionDroppedOnce_IsRetriedWithTheSameKey()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Drop(), StubReply.Ok());
        using var client = Client(stub, new ImmediateTimeProvider());

        var response = await client.SendAsync(HttpMethod.Post, "api/v1/images", new { }, null, CancellationToken.None);

        response.Status.ShouldBe(200);
        stub.Requests.Count.ShouldBe(2);
        stub.Requests.Select(r => r.IdempotencyKey).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ConnectionRefused_BacksOffThenFailsWithOneLine()
    {
        var time = new ImmediateTimeProvider();
        using var client = new VividoClient(new ClientSettings(new Uri($"http://127.0.0.1:{ClosedPort()}/"), "t"), time);

        var failure = await Should.ThrowAsync<CliException>(() => client.SendAsync(HttpMethod.Post, "api/v1/images", new { }, null, CancellationToken.None));

        failure.Message.ShouldStartWith("cannot reach the server at http://127.0.0.1:");
        failure.Message.ShouldEndWith("(after 4 attempts)");
        failure.Message.ShouldNotContain("\n");
        time.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    public void RetriesFrom_Environment_OverridesTheDefault(string? value, int expected) =>
        ClientSettings.RetriesFrom(name => name == ClientSettings.RetriesVariable ? value : null).ShouldBe(expected);

    [Theory]
    [InlineData("-1")]
    [InlineData("three")]
    [InlineData("99")]
    public void RetriesFrom_Invalid_IsAOneLineError(string value) =>
        Should.Throw<CliException>(() => ClientSettings.RetriesFrom(_ => value)).Message.ShouldContain("VIVIDO_RETRIES must be a whole number from 0 to 20");

    private static VividoClient Client(StubServer stub, TimeProvider time, int retries = ClientSettings.DefaultRetries) =>
        new(new ClientSettings(stub.Url, "t", retries), time);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
