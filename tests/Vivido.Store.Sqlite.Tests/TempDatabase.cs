namespace Vivido.Store.Sqlite.Tests;

/// <summary>A temp directory holding one SQLite file, deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vivido-store-").FullName;
        Path = System.IO.Path.Combine(Directory, "vivido.db");
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>The database file and its WAL, as bytes (read while the store may still have them open).</summary>
    public byte[] ReadAllBytes()
    {
        using var buffer = new MemoryStream();
        foreach (var file in new[] { Path, Path + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(buffer);
        }

        return buffer.ToArray();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle still open elsewhere; the OS temp cleaner takes it.
        }
    }
}
