using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido login --server URL --token T</c>: checks the token, then saves both for later verbs.</summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "The Vivido server URL.", Required = true };
        var token = new Option<string>("--token") { Description = "An API token.", Required = true };
        var command = new Command(
            "login",
            $"Check a server and token and save them (in ${ClientConfig.PathVariable}, else ~/.config/vivido/config.json, mode 0600) for the client verbs.");
        command.Options.Add(server);
        command.Options.Add(token);
        command.SetAction(async (parse, cancel) =>
        {
            var settings = new ClientSettings(
                ClientSettings.ParseServer(parse.GetRequiredValue(server)), parse.GetRequiredValue(token), ClientSettings.RetriesFrom(Environment.GetEnvironmentVariable));
            using (var client = new VividoClient(settings))
            {
                var response = await client.SendAsync(HttpMethod.Get, "api/v1/images?limit=1", null, null, cancel).ConfigureAwait(false);
                if (!response.IsSuccess)
                {
                    throw ApiFailure.From(response);
                }
            }

            var path = ClientConfig.DefaultPath(Environment.GetEnvironmentVariable);
            new ClientConfig(settings.Server.AbsoluteUri, settings.Token).Save(path);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"logged in to {settings.Server}; saved to {path}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
