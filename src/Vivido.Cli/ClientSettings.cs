namespace Vivido.Cli;

/// <summary>Where a client verb sends requests and with which token: flags, else environment, else the login file.</summary>
internal sealed record ClientSettings(Uri Server, string Token)
{
    public const string UrlVariable = "VIVIDO_URL";
    public const string TokenVariable = "VIVIDO_TOKEN";

    /// <summary>Resolves each value separately: <c>--server</c> beats VIVIDO_URL beats the saved login, and likewise for the token.</summary>
    public static ClientSettings Resolve(string? server, string? token, Func<string, string?> environment, ClientConfig? saved)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var url = FirstSet(server, environment(UrlVariable), saved?.Server)
            ?? throw new CliException($"no server: pass --server URL, set {UrlVariable}, or run 'vivido login --server URL --token TOKEN'");
        var secret = FirstSet(token, environment(TokenVariable), saved?.Token)
            ?? throw new CliException($"no token: pass --token TOKEN, set {TokenVariable}, or run 'vivido login --server URL --token TOKEN'");
        return new ClientSettings(ParseServer(url), secret);
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
