namespace Vivido.Benchmarks.Postgres;

/// <summary>One segment's fresh database: its name and a pooled Npgsql connection string. Dropped on dispose.</summary>
internal sealed class PgBenchDatabase(string name, string connectionString, Func<string, Task> drop) : IAsyncDisposable
{
    public string Name => name;

    public string ConnectionString => connectionString;

    public async ValueTask DisposeAsync() => await drop(name).ConfigureAwait(false);
}
