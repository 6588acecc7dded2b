using System.Globalization;

namespace Vivido.Cli;

/// <summary>Where a client verb sends requests, with which token, and how often it retries: flags, else environment, else the login file.</summary>
internal sealed record ClientSettings(Uri Server, string Token, int Retries = ClientSettings.DefaultRetries)
{
    public const string UrlVariable = "VIVIDO_URL";
    public const string TokenVariable = "VIVIDO_TOKEN";
    public const string RetriesVariable = "VIVIDO_RETRIES";

    /// <summary>Retries after the first attempt when the server is unavailable (503), busy (429) or unreachable.</summary>
    public const int DefaultRetries = 3;

    private const int MaxRetries = 20;

    /// <summary>Resolves each value separately: <c>--server</c> beats VIVIDO_URL beats the saved login, and likewise for the token.</summary>
    public static ClientSettings Resolve(string? server, string? token, Func<string, string?> environment, ClientConfig? saved)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var url = FirstSet(server, environment(UrlVariable), saved?.Server)
            ?? throw new CliException($"no server: pass --server URL, set {UrlVariable}, or run 'vivido login --server URL --token TOKEN'");
        var secret = FirstSet(token, environment(TokenVariable), saved?.Token)
            ?? throw new CliException($"no token: pass --token TOKEN, set {TokenVariable}, or run 'vivido login --server URL --token TOKEN'");
        return new ClientSettings(ParseServer(url), secret, RetriesFrom(environment));
    }

    /// <summary>VIVIDO_RETRIES (0 disables retries), else <see cref="DefaultRetries"/>.</summary>
    public static int RetriesFrom(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (FirstSet(environment(RetriesVariable)) is not { } text)
        {
            return DefaultRetries;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var retries) && retries <= MaxRetries
            ? retries
            : throw new CliException($"{RetriesVariable} must be a whole number from 0 to {MaxRetries}, got '{text}'");
    }

    /// <summary>An absolute http(s) URL; a trailing slash is implied.</summary>
    public static Uri ParseServer(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"invalid server URL '{url}': expected http://host:port");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
