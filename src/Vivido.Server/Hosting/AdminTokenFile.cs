namespace Vivido.Server.Hosting;

/// <summary>Writes the first admin token to <c>&lt;data dir&gt;/admin.token</c>, readable by its owner only.</summary>
internal static class AdminTokenFile
{
    public const string FileName = "admin.token";

    public static string Write(string dataDirectory, string secret)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created with 0600 directly, so the secret is never readable by others, not even briefly.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(secret);
        }

        if (!OperatingSystem.IsWindows())
        {
            // An existing file keeps its old mode on FileMode.Create; make it 0600 whatever it was.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
