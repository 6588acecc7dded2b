using System.CommandLine;
using System.Text.Json;

namespace Vivido.Cli;

/// <summary>One invocation of a verb that sends or receives bytes: prints the API's JSON in JSON mode, turns problems into exit codes.</summary>
internal sealed class ByteSession(VividoClient client, bool json, TextWriter output) : IDisposable
{
    public bool Json => json;

    public TextWriter Output => output;

    /// <summary>Server and token as <see cref="ClientOptions.Open"/> resolves them: flags, else environment, else the saved login.</summary>
    public static ClientSettings Settings(ClientOptions options, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parse);
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var server = parse.GetValue(options.Server);
        var token = parse.GetValue(options.Token);
        var needsLogin = string.IsNullOrWhiteSpace(server ?? environment(ClientSettings.UrlVariable))
            || string.IsNullOrWhiteSpace(token ?? environment(ClientSettings.TokenVariable));
        return ClientSettings.Resolve(server, token, environment, needsLogin ? ClientConfig.Load(ClientConfig.DefaultPath(environment)) : null);
    }

    public static ByteSession Open(ClientOptions options, ParseResult parse, bool json) =>
        new(new VividoClient(Settings(options, parse)), json, parse.InvocationConfiguration.Output);

    /// <summary>A JSON session whose JSON mode is on with <c>-o json</c> or with <paramref name="jsonFlag"/>.</summary>
    public static ClientSession OpenJson(ClientOptions options, ParseResult parse, Option<bool> jsonFlag)
    {
        ArgumentNullException.ThrowIfNull(jsonFlag);
        var json = parse.GetValue(options.Output) == "json" || parse.GetValue(jsonFlag);
        return new ClientSession(new VividoClient(Settings(options, parse)), json, parse.InvocationConfiguration.Output);
    }

    /// <summary>The <c>--json</c> flag of the listing verbs, a shorthand for <c>-o json</c>.</summary>
    public static Option<bool> JsonFlag() => new("--json") { Description = "Print exactly the API's JSON (same as -o json)." };

    /// <summary>Posts <paramref name="body"/> as it is; returns the JSON answer, else throws the matching <see cref="CliException"/>.</summary>
    public async Task<JsonElement> PostAsync(string path, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        var response = (await client.SendBytesAsync(HttpMethod.Post, path, body, contentType, cancellationToken).ConfigureAwait(false)).AsText();
        if (json && response.Body.Length > 0)
        {
            await output.WriteLineAsync(response.Body).ConfigureAwait(false);
        }

        return response.IsSuccess ? response.Json() : throw ApiFailure.From(response);
    }

    /// <summary>The body of a GET as bytes, else throws the matching <see cref="CliException"/>.</summary>
    public async Task<ByteResponse> GetAsync(string path, CancellationToken cancellationToken)
    {
        var response = await client.SendBytesAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? response : throw ApiFailure.From(response.AsText());
    }

    public void Dispose() => client.Dispose();
}
