namespace Vivido.Core.Storage;

/// <summary>Schema migrations, readiness and diagnostics.</summary>
public interface IStoreMaintenance
{
    /// <summary>A one-line description for logs, e.g. <c>sqlite /data/vivido.db</c>.</summary>
    string Description { get; }

    /// <summary>Applies the migrations not yet applied, in order, each in its own transaction; returns their names. Idempotent.</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the database answers and every known migration is applied.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>Row counts per table, for tests and diagnostics (e.g. "bad input wrote nothing").</summary>
    Task<IReadOnlyDictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken = default);
}
