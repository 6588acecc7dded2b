namespace Vivido.Testing;

/// <summary>Finds the newest installed PostgreSQL server binaries (Debian layout: /usr/lib/postgresql/&lt;version&gt;/bin).</summary>
internal static class PostgresBinaries
{
    private const string Root = "/usr/lib/postgresql";

    /// <summary>The bin folder holding initdb and postgres; throws when PostgreSQL is not installed.</summary>
    public static string Find()
    {
        var candidates = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(dir => (Dir: dir, Version: ParseVersion(Path.GetFileName(dir))))
                .Where(c => c.Version is not null && File.Exists(Path.Combine(c.Dir, "bin", "postgres")) && File.Exists(Path.Combine(c.Dir, "bin", "initdb")))
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        return candidates.Count > 0
            ? Path.Combine(candidates[0].Dir, "bin")
            : throw new InvalidOperationException(
                $"PostgreSQL server binaries not found under {Root}/<version>/bin; ./test.sh installs the postgresql package (or: apt-get install postgresql).");
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;
}
