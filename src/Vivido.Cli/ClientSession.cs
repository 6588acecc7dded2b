using System.Text.Json;

namespace Vivido.Cli;

/// <summary>One client invocation: sends requests, prints the API's JSON in <c>-o json</c> mode, turns problems into exit codes.</summary>
internal sealed class ClientSession(VividoClient client, bool json, TextWriter output) : IDisposable
{
    public bool Json => json;

    public TextWriter Output => output;

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>Sends the request; on success returns the parsed body, else throws the matching <see cref="CliException"/>.</summary>
    public async Task<JsonElement> CallAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = await SendAsync(method, path, body, cancellationToken, headers).ConfigureAwait(false);
        if (json && response.Body.Length > 0)
        {
            await output.WriteLineAsync(response.Body).ConfigureAwait(false);
        }

        if (!response.IsSuccess)
        {
            throw ApiFailure.From(response);
        }

        return response.Json();
    }

    /// <summary>Sends the request and returns the raw response, printing nothing.</summary>
    public Task<ApiResponse> SendAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null) =>
        client.SendAsync(method, path, body, headers, cancellationToken);

    public void Dispose() => client.Dispose();
}
