namespace Vivido.Cli;

/// <summary>The local data folder of <c>serve</c>, <c>db migrate</c> and <c>db copy</c>: admin.token, and the default SQLite file.</summary>
internal static class DataDirectory
{
    public const string Default = "./vivido-data";
    public const string DatabaseFile = "vivido.db";

    /// <summary>Creates the folder (owner-only: it holds admin.token) and returns its full path.</summary>
    public static string EnsureCreated(string directory)
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

        return full;
    }

    /// <summary>The SQLite file used when neither <c>--database</c> nor VIVIDO_DATABASE names a database.</summary>
    public static string DefaultDatabase(string directory) => "sqlite:" + Path.Combine(Path.GetFullPath(directory), DatabaseFile);
}
