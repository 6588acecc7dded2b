using System.Net.Http.Headers;

namespace Vivido.Registry;

/// <summary>A parsed <c>WWW-Authenticate</c> challenge: <c>Bearer realm="…",service="…",scope="…"</c> or <c>Basic realm="…"</c>.</summary>
internal sealed record AuthChallenge(string Scheme, string? Realm, string? Service, string? Scope)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first Bearer or Basic challenge of a 401 response, or null.</summary>
    public static AuthChallenge? From(HttpResponseHeaders headers)
    {
        foreach (var header in headers.WwwAuthenticate)
        {
            if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            {
                var parameters = Parameters(header.Parameter ?? string.Empty);
                return new AuthChallenge(
                    header.Scheme,
                    parameters.GetValueOrDefault("realm"),
                    parameters.GetValueOrDefault("service"),
                    parameters.GetValueOrDefault("scope"));
            }
        }

        return null;
    }

    /// <summary>Parses <c>key="value",key=value</c>; quoted values may hold commas (scopes like <c>pull,push</c>).</summary>
    internal static Dictionary<string, string> Parameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var key = text[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var end = i + 1;
                var builder = new System.Text.StringBuilder();
                while (end < text.Length && text[end] != '"')
                {
                    if (text[end] == '\\' && end + 1 < text.Length)
                    {
                        end++;
                    }

                    builder.Append(text[end]);
                    end++;
                }

                value = builder.ToString();
                i = end + 1;
            }
            else
            {
                var end = text.IndexOf(',', i);
                end = end < 0 ? text.Length : end;
                value = text[i..end].Trim();
                i = end;
            }

            result[key] = value;
        }

        return result;
    }
}
