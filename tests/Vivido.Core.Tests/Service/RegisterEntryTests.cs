using Vivido.Core.Lifecycles;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;

namespace Vivido.Core.Tests.Service;

/// <summary>Registering through a lifecycle entry (<c>import</c>), as <c>vivido import</c> does.</summary>
public sealed class RegisterEntryTests : IAsyncLifetime
{
    private const string Repository = "registry.example.com/legacy/app";
    private static readonly Caller Ci = new("importer", [Roles.Ci], []);
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private SqliteFixture? _database;

    private IVividoStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task RegisterAsync_ImportEntry_StartsInUnknown()
    {
        var result = await Images().RegisterAsync(Ci, Repository, Digest('1'), ["v1"], null, "import");

        result.Succeeded.ShouldBeTrue();
        result.Value!.Created.ShouldBeTrue();
        result.Value.Image.State.ShouldBe("Unknown");
    }

    [Fact]
    public async Task RegisterAsync_NoEntry_StartsInInitialState()
    {
        var result = await Images().RegisterAsync(Ci, Repository, Digest('2'), null, null, entry: null);

        result.Value!.Image.State.ShouldBe(LifecycleLoader.LoadDefault().InitialState);
    }

    [Fact]
    public async Task RegisterAsync_UnknownEntry_IsInvalidInputNamingEntryAndWritesNothing()
    {
        var result = await Images().RegisterAsync(Ci, Repository, Digest('3'), null, null, "teleport");

        result.Failure.ShouldBeOfType<InvalidInput>().Field.ShouldBe("entry");
        result.Failure.Message.ShouldContain("import");
        (await Images().GetAsync(Ci, Digest('3'))).Failure.ShouldBeOfType<ResourceNotFound>();
    }

    [Fact]
    public async Task RegisterAsync_EntryAsScanner_IsDenied()
    {
        var scanner = new Caller("scanner", [Roles.Scanner], []);

        var result = await Images().RegisterAsync(scanner, Repository, Digest('4'), null, null, "import");

        result.Failure.ShouldBeOfType<AccessDenied>();
    }

    [Fact]
    public async Task RegisterAsync_ImportedTwice_SecondIsUnchanged()
    {
        await Images().RegisterAsync(Ci, Repository, Digest('5'), ["v1"], null, "import");

        var again = await Images().RegisterAsync(Ci, Repository, Digest('5'), ["v1"], null, "import");

        again.Value!.Created.ShouldBeFalse();
        again.Value.Image.Version.ShouldBe(1);
    }

    private ImageService Images() => new(Store, LifecycleLoader.LoadDefault(), _time);

    private static string Digest(char c) => "sha256:" + new string(c, 64);
}
