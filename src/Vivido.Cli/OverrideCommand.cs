using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido override DIGEST --to STATE --reason R</c> (and <c>--reject</c>).</summary>
internal static class OverrideCommand
{
    public static Command Create()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var to = new Option<string?>("--to") { Description = "The state to force." };
        var reason = new Option<string>("--reason") { Description = "Why (required, recorded).", Required = true };
        var reject = new Option<bool>("--reject") { Description = "Reject the pending override instead (two-admin lifecycles)." };
        var command = new Command(
            "override",
            "Admin only: force an image into a state, recorded as an override. When the lifecycle requires two admins, the first call is pending and a second admin confirms it with the same command, or rejects it with --reject.");
        command.Arguments.Add(digest);
        command.Options.Add(to);
        command.Options.Add(reason);
        command.Options.Add(reject);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var path = $"api/v1/images/{ClientText.Segment(parse.GetRequiredValue(digest))}/override";
            var rejecting = parse.GetValue(reject);
            if (!rejecting && parse.GetValue(to) is null)
            {
                throw new CliException("--to STATE is required (or --reject)");
            }

            using var session = client.Open(parse);
            var result = rejecting
                ? await session.CallAsync(HttpMethod.Post, path + "/reject", new { reason = parse.GetRequiredValue(reason) }, cancel).ConfigureAwait(false)
                : await session.CallAsync(HttpMethod.Post, path, new { to = parse.GetValue(to), reason = parse.GetRequiredValue(reason) }, cancel).ConfigureAwait(false);
            if (session.Json)
            {
                return ExitCodes.Ok;
            }

            if (result.Obj("transition").ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                ClientText.WriteTransition(session.Output, result);
            }
            else
            {
                var verb = result.Str("status") == "pending" ? "awaits confirmation by a second admin" : result.Str("status");
                await session.Output.WriteLineAsync(
                    $"override {result.Str("id")} of {result.Str("digest")} to {result.Str("toState")} (requested by {result.Str("requestedBy")}) {verb}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
