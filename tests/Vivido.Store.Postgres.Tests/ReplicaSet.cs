using System.Globalization;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres.Tests;

/// <summary>Several <see cref="PostgresStore"/> instances on one database: separate data sources, as separate replicas would have.</summary>
internal sealed class ReplicaSet : IAsyncDisposable
{
    private ReplicaSet(string connectionString, IReadOnlyList<PostgresStore> stores)
    {
        ConnectionString = connectionString;
        Stores = stores;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<PostgresStore> Stores { get; }

    public static async Task<ReplicaSet> CreateAsync(string connectionString, int count)
    {
        var stores = Enumerable.Range(0, count).Select(_ => new PostgresStore(connectionString)).ToList();
        await stores[0].MigrateAsync();
        return new ReplicaSet(connectionString, stores);
    }

    public static string Digest(int n) => "sha256:" + n.ToString("x64", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> on every replica at once (released together), with the replica and its index.</summary>
    public async Task<T[]> RaceAsync<T>(Func<IVividoStore, int, Task<T>> work)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Stores.Select((store, i) => Task.Run(async () =>
        {
            await start.Task;
            return await work(store, i);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(runs);
    }

    /// <inheritdoc cref="RaceAsync{T}"/>
    public Task RaceAsync(Func<IVividoStore, int, Task> work) =>
        RaceAsync(async (store, i) =>
        {
            await work(store, i);
            return true;
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var store in Stores)
        {
            await store.DisposeAsync();
        }
    }
}
