using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido tags ls|set|history</c>.</summary>
internal static class TagsCommands
{
    public static Command Create()
    {
        var tags = new Command("tags", "List, move and trace tags. Moving a tag never changes a state; every move is recorded.");
        tags.Subcommands.Add(CreateList());
        tags.Subcommands.Add(CreateSet());
        tags.Subcommands.Add(CreateHistory());
        return tags;
    }

    /// <summary>Splits <c>REPO:TAG</c> at the last ':' after the last '/', so a registry port stays in the repository.</summary>
    internal static (string Repository, string Tag) Split(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon <= 0 || colon == reference.Length - 1 || reference.IndexOf('/', colon) >= 0
            ? throw new CliException($"expected REPO:TAG, got '{reference}'")
            : (reference[..colon], reference[(colon + 1)..]);
    }

    private static Command CreateList()
    {
        var repository = new Option<string>("--repository") { Description = "The repository.", Required = true };
        var command = new Command("ls", "List a repository's tags.");
        command.Options.Add(repository);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var list = await session.GetAsync("api/v1/tags" + ClientText.Query(("repository", parse.GetRequiredValue(repository))), cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                TableWriter.Write(
                    session.Output,
                    ["TAG", "DIGEST", "MOVED", "BY"],
                    list.Items().Select(t => (IReadOnlyList<string>)[t.Str("tag"), t.Str("digest"), t.Time("movedAt"), t.Str("movedBy")]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateSet()
    {
        var reference = new Argument<string>("REPO:TAG") { Description = "e.g. registry.example.com/team/api:stable." };
        var digest = new Argument<string>("DIGEST") { Description = "A digest registered in REPO." };
        var command = new Command("set", "Point a tag at a digest.");
        command.Arguments.Add(reference);
        command.Arguments.Add(digest);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var (repository, tag) = Split(parse.GetRequiredValue(reference));
            using var session = client.Open(parse);
            var move = await session.CallAsync(HttpMethod.Put, "api/v1/tags", new { repository, tag, digest = parse.GetRequiredValue(digest) }, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                var from = move.Str("fromDigest") is { Length: > 0 } previous ? previous : "(new)";
                await session.Output.WriteLineAsync($"{move.Str("repository")}:{move.Str("tag")}: {from} -> {move.Str("toDigest")}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateHistory()
    {
        var repository = new Option<string>("--repository") { Description = "The repository.", Required = true };
        var tag = new Option<string?>("--tag") { Description = "Only this tag's moves." };
        var command = new Command("history", "Show recorded tag moves, oldest first.");
        command.Options.Add(repository);
        command.Options.Add(tag);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var query = ClientText.Query(("repository", parse.GetRequiredValue(repository)), ("tag", parse.GetValue(tag)));
            var moves = await session.GetAsync("api/v1/tags/history" + query, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                TableWriter.Write(
                    session.Output,
                    ["AT", "TAG", "FROM", "TO", "BY"],
                    moves.Items().Select(m => (IReadOnlyList<string>)[m.Time("at"), m.Str("tag"), m.Str("fromDigest"), m.Str("toDigest"), m.Str("actor")]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
