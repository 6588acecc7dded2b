using System.Reflection;
using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;
using Vivido.Store.Sqlite;

namespace Vivido.Server.Tests;

public sealed class InternalErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-500-").FullName;

    [Fact]
    public async Task Route_StoreThrows_Returns500ProblemWithoutInternals()
    {
        using var sqlite = new SqliteStore(Path.Combine(_directory, "vivido.db"));
        var store = FailingStore.Wrap(sqlite, nameof(IImageStore.ListImagesAsync));
        var options = new VividoServerOptions
        {
            DataDirectory = _directory,
            Urls = ["http://127.0.0.1:0"],
            BootstrapToken = ServerHarness.AdminSecret,
            ConsoleLogging = false,
        };
        await using var app = await VividoServer.CreateAsync(options, store);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var client = new ApiClient(http, ServerHarness.AdminSecret);

        using var response = await client.GetAsync("/api/v1/images");
        var body = await response.Content.ReadAsStringAsync();

        var problem = await response.ShouldBeProblemAsync(500);
        problem.Str("type").ShouldBe("urn:vivido:problem:internal");
        body.ShouldNotContain(FailingStore.Secret);
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain(".cs:line");
        await app.StopAsync();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Forwards every store call except one, which throws with text that must never reach a client.</summary>
    public class FailingStore : DispatchProxy
    {
        public const string Secret = "connection string with password=hunter2";

        private IVividoStore? _inner;
        private string? _failing;

        public static IVividoStore Wrap(IVividoStore inner, string failing)
        {
            var proxy = Create<IVividoStore, FailingStore>();
            var self = (FailingStore)(object)proxy;
            self._inner = inner;
            self._failing = failing;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            return targetMethod.Name == _failing
                ? throw new InvalidOperationException(Secret)
                : targetMethod.Invoke(_inner, args);
        }
    }
}
