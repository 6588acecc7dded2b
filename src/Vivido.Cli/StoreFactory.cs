using System.Text.RegularExpressions;
using Vivido.Core.Storage;
using Vivido.Store.Postgres;
using Vivido.Store.Sqlite;

namespace Vivido.Cli;

/// <summary>Opens the store a <c>--database</c> value names (see <see cref="DatabaseOption"/>). Errors are one line and never show a password.</summary>
internal static partial class StoreFactory
{
    private const string SqlitePrefix = "sqlite:";

    public static LocalStore Open(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var text = database.Trim();
        if (text.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return new LocalStore(OpenSqlite(text[SqlitePrefix.Length..]));
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && !IsPostgresScheme(text[..scheme]))
        {
            throw new CliException($"unsupported database '{text[..scheme]}://...': expected {DatabaseOption.Forms}");
        }

        if (scheme < 0 && !text.Contains('=', StringComparison.Ordinal))
        {
            throw new CliException($"unrecognised database: expected {DatabaseOption.Forms}");
        }

        try
        {
            return new LocalStore(new PostgresStore(PostgresConnectionString.FromUrl(text)));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new CliException("invalid database: " + Redact(FirstLine(ex.Message), text));
        }
    }

    /// <summary>Removes the password of <paramref name="database"/> (URL user info or Password= keyword) from <paramref name="message"/>.</summary>
    internal static string Redact(string message, string database)
    {
        var secrets = new List<string>();
        var url = UrlPassword().Match(database);
        if (url.Success)
        {
            secrets.Add(url.Groups["password"].Value);
            secrets.Add(Uri.UnescapeDataString(url.Groups["password"].Value));
        }

        secrets.AddRange(KeywordPassword().Matches(database).Select(m => m.Groups["password"].Value.Trim()));
        foreach (var secret in secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        return message;
    }

    private static SqliteStore OpenSqlite(string path)
    {
        // sqlite:///abs/path is accepted as the URL form of sqlite:/abs/path.
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        if (path.Length == 0)
        {
            throw new CliException("invalid database: sqlite: needs a file path, e.g. sqlite:/srv/vivido/vivido.db");
        }

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            DataDirectory.EnsureCreated(directory);
        }

        return new SqliteStore(full);
    }

    private static bool IsPostgresScheme(string scheme) =>
        scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) || scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@]*:(?<password>[^/?#]*)@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:password|pwd)\s*=\s*(?<password>[^;]*)")]
    private static partial Regex KeywordPassword();
}
