using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Vivido.Store.Postgres;

/// <summary>
/// Turns a database URL (<c>postgres://user:password@host:port/db?sslmode=require</c>) or an Npgsql
/// keyword string (<c>Host=...;Database=...</c>) into the connection string <see cref="PostgresStore"/> takes.
/// Error messages never contain the password.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Seconds to wait for a connection: fail fast when the database is unreachable.</summary>
    public const int DefaultTimeoutSeconds = 5;

    /// <summary>Seconds a statement may run.</summary>
    public const int DefaultCommandTimeoutSeconds = 30;

    /// <summary>The application name the server shows in pg_stat_activity.</summary>
    public const string DefaultApplicationName = "vivido";

    private static readonly string[] Schemes = ["postgres://", "postgresql://"];

    /// <summary>
    /// The Npgsql connection string for <paramref name="url"/>: <c>postgres://</c> or <c>postgresql://</c>
    /// <c>[user[:password]@]host[:port][/database][?param=value&amp;...]</c> with percent-encoded user, password
    /// and database, and the parameters sslmode, host (a unix socket directory), connect_timeout and
    /// application_name. A keyword string is returned unchanged once it parses. Throws <see cref="FormatException"/>
    /// with a one-line message for anything malformed.
    /// </summary>
    public static string FromUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("the database URL is empty");
        }

        var scheme = Schemes.FirstOrDefault(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        if (scheme is null)
        {
            if (text.Contains("://", StringComparison.Ordinal))
            {
                throw new FormatException("the database URL must start with postgres:// or postgresql://");
            }

            Parse(text);
            return url;
        }

        return WithDefaults(ParseUrl(text[scheme.Length..])).ConnectionString;
    }

    /// <summary>
    /// The connection string with the defaults added where it does not set them: Timeout
    /// <see cref="DefaultTimeoutSeconds"/>, Command Timeout <see cref="DefaultCommandTimeoutSeconds"/>,
    /// Application Name <see cref="DefaultApplicationName"/>.
    /// </summary>
    internal static NpgsqlConnectionStringBuilder WithDefaults(string connectionString) => WithDefaults(Parse(connectionString));

    /// <summary>The connection string parsed; a <see cref="FormatException"/> that never echoes values when malformed.</summary>
    internal static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The driver's message may quote a fragment of the string, which may be part of the password.
            throw new FormatException("malformed PostgreSQL connection string (expected postgres://... or Host=...;Database=...)");
        }
    }

    /// <summary>
    /// True when the connection string sets <paramref name="keyword"/> (its canonical name, e.g. <c>Command Timeout</c>).
    /// The Npgsql builder's own ContainsKey answers whether a keyword exists at all, not whether it is set.
    /// </summary>
    internal static bool Sets(NpgsqlConnectionStringBuilder builder, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.ContainsKey(keyword);

    private static NpgsqlConnectionStringBuilder WithDefaults(NpgsqlConnectionStringBuilder builder)
    {
        if (!Sets(builder, "Timeout"))
        {
            builder.Timeout = DefaultTimeoutSeconds;
        }

        if (!Sets(builder, "Command Timeout"))
        {
            builder.CommandTimeout = DefaultCommandTimeoutSeconds;
        }

        if (!Sets(builder, "Application Name"))
        {
            builder.ApplicationName = DefaultApplicationName;
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder ParseUrl(string rest)
    {
        // An '@' after the first '/' or '?' means a raw '/' or '?' in the password: refuse before any
        // message could quote a piece of it (percent-encoded, '@' is welcome anywhere).
        var end = rest.IndexOfAny(['/', '?']);
        if (end >= 0 && rest.IndexOf('@', end) >= 0)
        {
            throw new FormatException("the database URL has an '@' after its host: percent-encode '/', '?' and '@' in the user name, password and database");
        }

        var authority = end < 0 ? rest : rest[..end];
        var tail = end < 0 ? string.Empty : rest[end..];
        var builder = new NpgsqlConnectionStringBuilder();

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon < 0 ? userInfo : userInfo[..colon], "user name");
            if (user.Length > 0)
            {
                builder.Username = user;
            }

            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..], "password");
            }

            authority = authority[(at + 1)..];
        }

        SetHostAndPort(builder, authority);

        var query = string.Empty;
        var questionMark = tail.IndexOf('?', StringComparison.Ordinal);
        if (questionMark >= 0)
        {
            query = tail[(questionMark + 1)..];
            tail = tail[..questionMark];
        }

        var database = Decode(tail.TrimStart('/'), "database name");
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals], "parameter name");
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..], "parameter value");
            SetParameter(builder, name, value);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new FormatException("the database URL names no host");
        }

        return builder;
    }

    private static void SetHostAndPort(NpgsqlConnectionStringBuilder builder, string authority)
    {
        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < authority.Length && authority[close + 1] != ':'))
            {
                throw new FormatException("malformed IPv6 host in the database URL");
            }

            host = authority[1..close];
            port = close + 1 < authority.Length ? authority[(close + 2)..] : null;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? null : authority[(colon + 1)..];
        }

        if (host.Length > 0)
        {
            builder.Host = Decode(host, "host");
        }

        if (port is not null)
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                // Not echoed: with an unencoded '/' or '@' in the password, this "port" may be part of it.
                throw new FormatException("invalid port in the database URL (expected a number 1-65535)");
            }

            builder.Port = number;
        }
    }

    private static void SetParameter(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "sslmode":
                builder.SslMode = value switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw new FormatException($"invalid sslmode '{value}' in the database URL (disable, allow, prefer, require, verify-ca or verify-full)"),
                };
                break;
            case "host":
                if (value.Length == 0)
                {
                    throw new FormatException("empty host parameter in the database URL");
                }

                builder.Host = value;
                break;
            case "connect_timeout":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 1024)
                {
                    throw new FormatException($"invalid connect_timeout '{value}' in the database URL (seconds, 0-1024)");
                }

                builder.Timeout = seconds;
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            default:
                throw new FormatException($"unknown parameter '{name}' in the database URL");
        }
    }

    /// <summary>Strict percent-decoding to UTF-8; <paramref name="what"/> names the part in the error, never its value.</summary>
    private static string Decode(string text, string what)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        var start = 0;
        for (var i = text.IndexOf('%', StringComparison.Ordinal); i >= 0; i = text.IndexOf('%', start))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(text[start..i]));
            if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                throw new FormatException($"malformed percent-encoding in the {what} of the database URL");
            }

            bytes.Add(b);
            start = i + 3;
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(text[start..]));
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"the {what} of the database URL is not valid UTF-8 once decoded");
        }
    }
}
