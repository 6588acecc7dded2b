using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido approve DIGEST --role R</c> and <c>vivido veto DIGEST --reason R</c>.</summary>
internal static class ReviewCommands
{
    public static Command CreateApprove()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var role = new Option<string>("--role") { Description = "The role you approve as, e.g. release-manager, security, qa.", Required = true };
        var comment = new Option<string?>("--comment") { Description = "A comment, recorded with the approval." };
        var command = new Command("approve", "Approve a digest acting in a role; guards such as release-manager-approval read approvals.");
        command.Arguments.Add(digest);
        command.Options.Add(role);
        command.Options.Add(comment);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var body = new { role = parse.GetRequiredValue(role), comment = parse.GetValue(comment) };
            var approval = await session.CallAsync(HttpMethod.Post, $"api/v1/images/{ClientText.Segment(parse.GetRequiredValue(digest))}/approvals", body, cancel)
                .ConfigureAwait(false);
            if (!session.Json)
            {
                await session.Output.WriteLineAsync($"{approval.Str("digest")} approved by {approval.Str("actor")} as {approval.Str("role")}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateVeto()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var reason = new Option<string>("--reason") { Description = "Why (required, recorded).", Required = true };
        var command = new Command("veto", "Veto a digest: it is quarantined and may never be promoted or rolled back to without an override.");
        command.Arguments.Add(digest);
        command.Options.Add(reason);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var result = await session.CallAsync(
                HttpMethod.Post, $"api/v1/images/{ClientText.Segment(parse.GetRequiredValue(digest))}/veto", new { reason = parse.GetRequiredValue(reason) }, cancel)
                .ConfigureAwait(false);
            if (!session.Json)
            {
                var image = result.Obj("image");
                await session.Output.WriteLineAsync($"{image.Str("digest")} vetoed; state {image.Str("state")} (version {image.Str("version")})").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
