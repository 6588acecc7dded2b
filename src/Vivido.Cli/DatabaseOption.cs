using System.CommandLine;

namespace Vivido.Cli;

/// <summary>
/// <c>--database</c>: which store a local verb opens. The flag, else VIVIDO_DATABASE, else the SQLite
/// file in the data folder. Forms: <c>sqlite:PATH</c>, <c>postgres://…</c>/<c>postgresql://…</c>, or an
/// Npgsql keyword string (<c>Host=…;Database=…</c>).
/// </summary>
internal static class DatabaseOption
{
    public const string Variable = "VIVIDO_DATABASE";

    public const string Forms = "sqlite:PATH, postgres://user:password@host:port/database, or Host=...;Database=...";

    public static Option<string?> Create(string name = "--database", string? description = null) => new(name)
    {
        HelpName = "DB",
        Description = description ?? $"The database: {Forms} (else {Variable}, else DATA/{DataDirectory.DatabaseFile}).",
    };

    /// <summary>The database to open: <paramref name="value"/>, else VIVIDO_DATABASE, else the SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static string Resolve(string? value, string dataDirectory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return FirstSet(value, environment(Variable)) ?? DataDirectory.DefaultDatabase(dataDirectory);
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
