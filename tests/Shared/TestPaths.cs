namespace Vivido.Testing;

/// <summary>Locates the repository root and the shared fixtures from a test's output folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding Vivido.slnx.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>`../shared/fixtures` beside the repository, or VIVIDO_FIXTURES when set.</summary>
    public static string Fixtures =>
        Environment.GetEnvironmentVariable("VIVIDO_FIXTURES") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures"));

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private static string FindRoot()
    {
        var stamped = typeof(TestPaths).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "VividoRepoRoot")?.Value;
        if (stamped is not null && File.Exists(Path.Combine(stamped, "Vivido.slnx")))
        {
            return Path.GetFullPath(stamped);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vivido.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Vivido.slnx not found above " + AppContext.BaseDirectory);
    }
}
