using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido rollback REPO [--to DIGEST] --reason R</c>.</summary>
internal static class RollbackCommand
{
    public static Command Create()
    {
        var repository = new Argument<string>("REPO") { Description = "The repository to roll back." };
        var to = new Option<string?>("--to") { Description = "The Deprecated digest to go back to (default: the most recent one passing the rollback guards)." };
        var reason = new Option<string>("--reason") { Description = "Why (required, recorded).", Required = true };
        var acceptStale = new Option<bool>("--accept-stale-scan") { Description = "Accept a scan older than the lifecycle allows (recorded as acceptStaleScan=true)." };
        var parameters = new Option<string[]>("--param") { Description = "An event parameter KEY=VALUE (repeatable)." };
        var command = new Command("rollback", "Make a previous digest Active again, re-validated by the rollback guards; the current Active one becomes Deprecated. Exit 3 when refused.");
        command.Arguments.Add(repository);
        command.Options.Add(to);
        command.Options.Add(reason);
        command.Options.Add(acceptStale);
        command.Options.Add(parameters);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var pairs = ClientText.Pairs(parse.GetValue(parameters), "--param");
            if (parse.GetValue(acceptStale))
            {
                pairs ??= new Dictionary<string, string>(StringComparer.Ordinal);
                pairs["acceptStaleScan"] = "true";
            }

            using var session = client.Open(parse);
            var body = new { repository = parse.GetRequiredValue(repository), toDigest = parse.GetValue(to), reason = parse.GetRequiredValue(reason), @params = pairs };
            var result = await session.CallAsync(HttpMethod.Post, "api/v1/rollbacks", body, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                ClientText.WriteTransition(session.Output, result);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
