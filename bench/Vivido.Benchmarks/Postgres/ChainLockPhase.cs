namespace Vivido.Benchmarks.Postgres;

/// <summary>What the holder of the chain-head lock was doing in one sample.</summary>
internal enum ChainLockPhase
{
    /// <summary>Nobody held it.</summary>
    Free,

    /// <summary><c>idle in transaction</c>: the server waits for the client's next batch (client CPU, scheduling, network).</summary>
    Client,

    /// <summary>Writing or syncing the WAL: the commit's flush to disk.</summary>
    WalFlush,

    /// <summary>Running a statement (or waiting for a core).</summary>
    Executing,
}
