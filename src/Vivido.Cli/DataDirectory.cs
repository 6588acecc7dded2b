using Vivido.Store.Sqlite;

namespace Vivido.Cli;

/// <summary>The local data folder of <c>serve</c> and <c>db migrate</c>: the SQLite file and admin.token.</summary>
internal static class DataDirectory
{
    public const string Default = "./vivido-data";
    public const string DatabaseFile = "vivido.db";

    /// <summary>Creates the folder (owner-only) and opens the store in it.</summary>
    public static SqliteStore OpenStore(string directory)
    {
        var full = Path.GetFullPath(directory);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(full);
            }
            else
            {
                Directory.CreateDirectory(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot create the data folder {full}: {ex.Message}");
        }

        return new SqliteStore(Path.Combine(full, DatabaseFile));
    }
}
