using System.Net.Http.Json;
using System.Reflection;
using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;
using Vivido.Store.Sqlite;

namespace Vivido.Server.Tests;

/// <summary>The connection drops while a commit is in flight: the client is told the outcome is unknown, and a retry with the same key does not run the write again.</summary>
public sealed class CommitOutcomeUnknownTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-unknown-").FullName;

    [Fact]
    public async Task Fire_CommitOutcomeUnknown_Answers503AndKeepsTheKeySoARetryDoesNotRunTwice()
    {
        using var sqlite = new SqliteStore(Path.Combine(_directory, "vivido.db"));
        var options = new VividoServerOptions
        {
            DataDirectory = _directory,
            Urls = ["http://127.0.0.1:0"],
            BootstrapToken = ServerHarness.AdminSecret,
            ConsoleLogging = false,
            RunJobs = false,
        };
        await using var app = await VividoServer.CreateAsync(options, CommitThenLoseConnection.Wrap(sqlite));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", ServerHarness.AdminSecret);
        var digest = TestDigests.New();
        (await http.PostAsJsonAsync("/api/v1/images", new { repository = TestDigests.NewRepository(), digest })).EnsureSuccessStatusCode();

        using var first = await FireAsync(http, digest, "key-1");
        using var retry = await FireAsync(http, digest, "key-1");

        var problem = await first.ShouldBeProblemAsync(503);
        problem.Str("type").ShouldBe("urn:vivido:problem:store-unavailable");
        problem.Str("detail")!.ShouldContain("may or may not have been applied");
        (await retry.ShouldBeProblemAsync(409)).Str("type").ShouldBe("urn:vivido:problem:idempotency-key-in-progress");
        var history = await sqlite.ReadHistoryAsync(digest);
        history.Count(e => e.Event == "scan_failed").ShouldBe(1, "the write committed once and the retry did not run it again");
        await app.StopAsync();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<HttpResponseMessage> FireAsync(HttpClient http, string digest, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/images/{digest}/events") { Content = JsonContent.Create(new { @event = "scan_failed" }) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    /// <summary>Commits through the real store, then reports the connection lost, as PostgreSQL does when the link drops during COMMIT.</summary>
    public class CommitThenLoseConnection : DispatchProxy
    {
        private IVividoStore? _inner;

        public static IVividoStore Wrap(IVividoStore inner)
        {
            var proxy = Create<IVividoStore, CommitThenLoseConnection>();
            ((CommitThenLoseConnection)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            var result = targetMethod.Invoke(_inner, args);
            return targetMethod.Name == nameof(ITransitionStore.CommitTransitionAsync) ? LoseAfterAsync((Task<CommitResult>)result!) : result;
        }

        private static async Task<CommitResult> LoseAfterAsync(Task<CommitResult> commit)
        {
            await commit;
            throw new StoreUnavailableException("the connection was lost while committing") { OutcomeUnknown = true };
        }
    }
}
