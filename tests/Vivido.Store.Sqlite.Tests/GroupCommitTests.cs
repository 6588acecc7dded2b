namespace Vivido.Store.Sqlite.Tests;

/// <summary>Writes queued behind a running batch share the next transaction, each isolated by its savepoint.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteAsync_OneWriteOfABatchThrows_OnlyThatWriteIsRolledBack()
    {
        using var store = new SqliteStore(_temp.Path, groupCommit: true);
        await store.MigrateAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = store.Database.WriteAsync(async (_, _) => await WaitAndReturn(release.Task), CancellationToken.None);

        var first = InsertTokenAsync(store, "a", fail: false);
        var failing = InsertTokenAsync(store, "b", fail: true);
        var third = InsertTokenAsync(store, "c", fail: false);
        release.SetResult();

        (await blocker).ShouldBe(0);
        (await first).ShouldBe(1);
        await Should.ThrowAsync<InvalidOperationException>(() => failing);
        (await third).ShouldBe(1);
        (await store.ListTokensAsync()).Select(t => t.Name).ShouldBe(["a", "c"]);
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueued_IsNotRunAndWritesNothing()
    {
        using var store = new SqliteStore(_temp.Path, groupCommit: true);
        await store.MigrateAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = store.Database.WriteAsync(async (_, _) => await WaitAndReturn(release.Task), CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var queued = store.CreateTokenAsync(new Core.Storage.TokenRecord("x", "hash-x", [], [], DateTimeOffset.UnixEpoch, "t"), cancel.Token);
        await cancel.CancelAsync();
        release.SetResult();

        await blocker;
        await Should.ThrowAsync<OperationCanceledException>(() => queued);
        (await store.ListTokensAsync()).ShouldBeEmpty();
    }

    private static async Task<int> WaitAndReturn(Task gate)
    {
        await gate;
        return 0;
    }

    private static Task<int> InsertTokenAsync(SqliteStore store, string name, bool fail) =>
        store.Database.WriteAsync(
            async (connection, transaction) =>
            {
                var rows = await connection.Command(
                        "INSERT INTO tokens (name, hash, roles, repository_patterns, created_at, created_by) VALUES (@n, @n, '[]', '[]', 0, 'test')", transaction)
                    .With("@n", name).ExecuteAsync(CancellationToken.None);
                return fail ? throw new InvalidOperationException("write " + name + " fails after inserting") : rows;
            },
            CancellationToken.None);
}
