using System.Globalization;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

/// <summary>
/// The contract every <see cref="IVividoStore"/> must meet. A store's test project subclasses this
/// once, providing a fresh migrated store per test and the raw-database hooks the tamper tests need.
/// </summary>
public abstract partial class StoreComplianceTests : IAsyncLifetime
{
    /// <summary>A fixed clock origin: stores never read a clock, so tests pass every time explicitly.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An empty parameter map.</summary>
    protected static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    private IVividoStore? _store;

    /// <summary>The store under test: fresh, empty and migrated for each test.</summary>
    protected IVividoStore Store => _store ?? throw new InvalidOperationException("store not created yet");

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateEmptyStoreAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
    }

    /// <summary>
    /// A new, empty store with every migration applied. Called before every test (the store the hooks below
    /// act on), and again by tests that need a second store (a copy target): each call is a separate database.
    /// </summary>
    protected abstract Task<IVividoStore> CreateEmptyStoreAsync();

    /// <summary>Releases a store <see cref="CreateEmptyStoreAsync"/> returned and deletes its database.</summary>
    protected abstract Task DisposeStoreAsync(IVividoStore store);

    /// <summary>Tampers with history entry <paramref name="seq"/> behind the store's back (e.g. disabling the triggers), setting its reason.</summary>
    protected abstract Task CorruptHistoryEntryAsync(long seq, string reason);

    /// <summary>Runs <c>UPDATE history SET reason = ... WHERE seq = ...</c> through a raw connection; must throw because the database refuses it.</summary>
    protected abstract Task UpdateHistoryThroughDatabaseAsync(long seq);

    /// <summary>Runs <c>DELETE FROM history WHERE seq = ...</c> through a raw connection; must throw because the database refuses it.</summary>
    protected abstract Task DeleteHistoryThroughDatabaseAsync(long seq);

    /// <summary>True when <paramref name="text"/> occurs anywhere in the stored data (files, tables).</summary>
    protected abstract Task<bool> StorageContainsAsync(string text);

    /// <summary>A well-formed digest numbered <paramref name="n"/>.</summary>
    protected static string Digest(int n) => "sha256:" + n.ToString("x64", CultureInfo.InvariantCulture);

    /// <summary>Registers <paramref name="digest"/> in <paramref name="repository"/> in <paramref name="state"/>.</summary>
    protected async Task<ImageRecord> RegisterAsync(string digest, string repository = "team/app", string state = "Building", DateTimeOffset? at = null, params string[] tags)
    {
        var result = await Store.RegisterImageAsync(new ImageRegistration(digest, repository, state, tags, new Dictionary<string, string> { ["arch"] = "amd64" }, "ci-bot", at ?? T0));
        return result.Image;
    }

    /// <summary>Commits <paramref name="from"/> to <paramref name="to"/> at <paramref name="version"/>.</summary>
    protected Task<CommitResult> CommitAsync(string digest, long version, string from, string to, string eventName = "step", DateTimeOffset? at = null) =>
        Store.CommitTransitionAsync(new TransitionCommit(digest, version, from, to, eventName, "ci-bot", "because", NoParams, at ?? T0.AddMinutes(1)));

    /// <summary>Registers and moves an image through the given states, returning the final record.</summary>
    protected async Task<ImageRecord> WalkAsync(string digest, string repository, params string[] states)
    {
        var image = await RegisterAsync(digest, repository, states[0]);
        for (var i = 1; i < states.Length; i++)
        {
            var committed = (await CommitAsync(digest, image.Version, image.State, states[i], "step", T0.AddMinutes(i))).ShouldBeOfType<Committed>();
            image = committed.Image;
        }

        return image;
    }
}
