using Vivido.Testing;

namespace Vivido.Replicas.Tests.Support;

/// <summary>
/// Several <c>vivido serve</c> replicas (<c>replica-a</c>, <c>replica-b</c>, ...) over one database, each
/// with its own data folder, all sharing one lifecycle file and one bootstrap admin token. Disposing kills
/// every replica and deletes the temp folder; a watchdog does the same if the test process dies.
/// </summary>
internal sealed class ReplicaCluster : IAsyncDisposable
{
    public const string AdminSecret = "replicas-test-admin-secret-0001";

    private readonly string _directory;
    private readonly ProcessWatchdog _watchdog;
    private readonly List<ReplicaProcess> _replicas = [];
    private readonly List<ReplicaClient> _clients = [];

    private ReplicaCluster(string directory)
    {
        _directory = directory;
        _watchdog = ProcessWatchdog.Start("vivido-replica-watchdog", 0, directory);
    }

    public IReadOnlyList<ReplicaProcess> Replicas => _replicas;

    /// <summary>One admin client per replica, in replica order.</summary>
    public IReadOnlyList<ReplicaClient> Clients => _clients;

    /// <summary>The clients of the replicas still running.</summary>
    public IReadOnlyList<ReplicaClient> Running => [.. _clients.Where((_, i) => !_replicas[i].HasExited)];

    public static string ReplicaId(int index) => $"replica-{(char)('a' + index)}";

    /// <summary>
    /// Starts <paramref name="count"/> replicas. The first starts alone (it migrates the empty database and
    /// creates the admin token), then the others together; <paramref name="allAtOnce"/> starts every one together.
    /// </summary>
    public static async Task<ReplicaCluster> StartAsync(
        TestDatabase database, string lifecycleYaml, IReadOnlyList<string>? extraArguments = null, int count = 3, bool allAtOnce = false)
    {
        ArgumentNullException.ThrowIfNull(database);
        var cluster = new ReplicaCluster(Directory.CreateTempSubdirectory("vivido-replicas-").FullName);
        try
        {
            var lifecycle = Path.Combine(cluster._directory, "lifecycle.yaml");
            await File.WriteAllTextAsync(lifecycle, lifecycleYaml);
            var launches = Enumerable.Range(0, count)
                .Select(i => new ReplicaLaunch(ReplicaId(i), database.Url, Path.Combine(cluster._directory, ReplicaId(i)), lifecycle, extraArguments ?? []))
                .ToList();
            var first = allAtOnce ? 0 : 1;
            foreach (var launch in launches.Take(first))
            {
                cluster.Add(await ReplicaProcess.StartAsync(launch, AdminSecret));
            }

            var rest = launches.Skip(first).Select(l => ReplicaProcess.StartAsync(l, AdminSecret)).ToList();
            try
            {
                await Task.WhenAll(rest);
            }
            finally
            {
                // Keep every replica that did start, so that disposing kills it even when another failed.
                foreach (var started in rest.Where(t => t.IsCompletedSuccessfully))
                {
                    cluster.Add(started.Result);
                }
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public ReplicaClient Client(string replicaId) => _clients.Single(c => c.ReplicaId == replicaId);

    /// <summary>kill -9 of one replica: it stops answering and keeps whatever lease it held until that expires.</summary>
    public Task KillAsync(string replicaId) => _replicas.Single(r => r.ReplicaId == replicaId).KillAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
        _watchdog.Dispose();
    }

    private void Add(ReplicaProcess replica)
    {
        _replicas.Add(replica);
        _clients.Add(new ReplicaClient(replica.ReplicaId, replica.BaseAddress, AdminSecret));
    }
}
