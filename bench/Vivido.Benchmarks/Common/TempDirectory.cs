using Microsoft.Data.Sqlite;

namespace Vivido.Benchmarks.Common;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled SQLite connections keep the files open; release them before deleting.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
