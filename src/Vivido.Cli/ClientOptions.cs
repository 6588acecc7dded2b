using System.CommandLine;

namespace Vivido.Cli;

/// <summary>The options every client verb takes: <c>--server</c>, <c>--token</c>, <c>-o table|json</c>.</summary>
internal sealed class ClientOptions
{
    private ClientOptions()
    {
    }

    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"The Vivido server URL (else {ClientSettings.UrlVariable}, else what 'vivido login' saved).",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"The API token (else {ClientSettings.TokenVariable}, else what 'vivido login' saved).",
    };

    public Option<string> Output { get; } = CreateOutput();

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public static ClientOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new ClientOptions();
        command.Options.Add(options.Server);
        command.Options.Add(options.Token);
        command.Options.Add(options.Output);
        return options;
    }

    /// <summary>Resolves server and token and opens a session for one invocation.</summary>
    public ClientSession Open(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var settings = ClientSettings.Resolve(
            parse.GetValue(Server),
            parse.GetValue(Token),
            environment,
            NeedsSavedLogin(parse) ? ClientConfig.Load(ClientConfig.DefaultPath(environment)) : null);
        return new ClientSession(new VividoClient(settings), parse.GetValue(Output) == "json", parse.InvocationConfiguration.Output);
    }

    private bool NeedsSavedLogin(ParseResult parse) =>
        string.IsNullOrWhiteSpace(parse.GetValue(Server) ?? Environment.GetEnvironmentVariable(ClientSettings.UrlVariable))
        || string.IsNullOrWhiteSpace(parse.GetValue(Token) ?? Environment.GetEnvironmentVariable(ClientSettings.TokenVariable));

    private static Option<string> CreateOutput()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "table (for people) or json (exactly the API's JSON).",
            DefaultValueFactory = _ => "table",
        };
        output.AcceptOnlyFromAmong("table", "json");
        return output;
    }
}
