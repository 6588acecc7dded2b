using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido tokens create|ls|revoke</c> (admin).</summary>
internal static class TokensCommands
{
    public static Command Create()
    {
        var tokens = new Command("tokens", "Admin: create, list and revoke API tokens.");
        tokens.Subcommands.Add(CreateCreate());
        tokens.Subcommands.Add(CreateList());
        tokens.Subcommands.Add(CreateRevoke());
        return tokens;
    }

    private static Command CreateCreate()
    {
        var name = new Argument<string>("NAME") { Description = "The token's name: the actor recorded in history." };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role: reader, ci, scanner, deployer, approver or admin (repeatable, at least one).",
            Required = true,
        };
        var repositories = new Option<string[]>("--repository") { Description = "Limit the token to repositories matching this pattern, e.g. 'team-a/*' (repeatable)." };
        var command = new Command("create", "Create a token. Its secret is printed once and never stored.");
        command.Arguments.Add(name);
        command.Options.Add(roles);
        command.Options.Add(repositories);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var body = new { name = parse.GetRequiredValue(name), roles = parse.GetRequiredValue(roles), repositories = parse.GetValue(repositories) };
            var created = await session.CallAsync(HttpMethod.Post, "api/v1/tokens", body, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                var token = created.Obj("token");
                await session.Output.WriteLineAsync($"token {token.Str("name")} created ({token.Joined("roles")}); its secret, shown once:").ConfigureAwait(false);
                await session.Output.WriteLineAsync(created.Str("secret")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("ls", "List tokens (never their secrets), revoked ones included.");
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var list = await session.GetAsync("api/v1/tokens", cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                TableWriter.Write(
                    session.Output,
                    ["NAME", "ROLES", "REPOSITORIES", "CREATED", "BY", "REVOKED"],
                    list.Items().Select(t => (IReadOnlyList<string>)
                        [t.Str("name"), t.Joined("roles"), t.Joined("repositories"), t.Time("createdAt"), t.Str("createdBy"), t.Time("revokedAt")]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateRevoke()
    {
        var name = new Argument<string>("NAME") { Description = "The token to revoke." };
        var command = new Command("revoke", "Revoke a token; it stops working at once.");
        command.Arguments.Add(name);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var token = await session.CallAsync(HttpMethod.Delete, "api/v1/tokens/" + ClientText.Segment(parse.GetRequiredValue(name)), null, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                await session.Output.WriteLineAsync($"token {token.Str("name")} revoked").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
