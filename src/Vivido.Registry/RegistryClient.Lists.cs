using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Vivido.Registry;

public sealed partial class RegistryClient
{
    private const int PageSize = 1000;
    private const long MaxListPage = 16 * 1024 * 1024;

    /// <summary>Every repository in the registry (<c>GET /v2/_catalog</c>, following <c>Link</c> pagination).</summary>
    public IAsyncEnumerable<string> ListRepositoriesAsync(CancellationToken ct = default) =>
        ListAsync($"v2/_catalog?n={PageSize}", "repositories", "registry:catalog:*", null, "list repositories", ct);

    /// <summary>Every tag of <paramref name="repository"/> (a path in this registry, <c>team/app</c>), following pagination.</summary>
    public IAsyncEnumerable<string> ListTagsAsync(string repository, CancellationToken ct = default)
    {
        References.Repository(repository);
        return ListAsync($"v2/{repository}/tags/list?n={PageSize}", "tags", Scope(repository, "pull"), repository, "list tags", ct);
    }

    private async IAsyncEnumerable<string> ListAsync(
        string first, string property, string scope, string? repository, string what, [EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? next = first;
        while (next is not null)
        {
            if (!seen.Add(next))
            {
                throw new RegistryException($"{Where(repository)}: {what}: pagination loops back to {next}");
            }

            List<string> page;
            using (var response = await SendAsync(HttpMethod.Get, next, "application/json", scope, what, ct, repository).ConfigureAwait(false))
            {
                await EnsureSuccessAsync(response, repository, what, ct).ConfigureAwait(false);
                var body = await ReadCappedAsync(response, MaxListPage, ct).ConfigureAwait(false)
                    ?? throw new RegistryException($"{Where(repository)}: {what}: page larger than {MaxListPage} bytes");
                page = Names(body, property, repository, what);
                next = NextLink(response);
            }

            foreach (var name in page)
            {
                yield return name;
            }
        }
    }

    private List<string> Names(byte[] body, string property, string? repository, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var names = new List<string>();
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } name)
                    {
                        names.Add(name);
                    }
                }
            }

            return names;
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{Where(repository)}: {what}: response is not JSON: {e.Message}", e);
        }
    }

    /// <summary>The target of <c>Link: &lt;/v2/...?last=x&amp;n=100&gt;; rel="next"</c>, relative to the registry, or null.</summary>
    internal string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var link in value.Split(','))
            {
                var open = link.IndexOf('<', StringComparison.Ordinal);
                var close = link.IndexOf('>', StringComparison.Ordinal);
                if (open < 0 || close < open || !link[close..].Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var target = new Uri(_http.BaseAddress!, link[(open + 1)..close].Trim());
                if (!string.Equals(target.Authority, _http.BaseAddress!.Authority, StringComparison.OrdinalIgnoreCase))
                {
                    throw new RegistryException($"registry {Host}: pagination link points to another host ({target.Authority})");
                }

                return target.PathAndQuery.TrimStart('/');
            }
        }

        return null;
    }
}
