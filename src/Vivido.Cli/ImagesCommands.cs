using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido images ls|show|history</c>.</summary>
internal static class ImagesCommands
{
    public static Command Create()
    {
        var images = new Command("images", "List and inspect images.");
        images.Subcommands.Add(CreateList());
        images.Subcommands.Add(CreateShow());
        images.Subcommands.Add(CreateHistory());
        return images;
    }

    private static Command CreateList()
    {
        var state = new Option<string?>("--state") { Description = "Only images in this state." };
        var repository = new Option<string?>("--repository") { Description = "Only images of this repository." };
        var tag = new Option<string?>("--tag") { Description = "Only images a tag of this name points at." };
        var longer = new Option<string?>("--in-state-longer-than") { Description = "Only images in their state for at least this long, e.g. 30d." };
        var limit = new Option<int?>("--limit") { Description = "Page size (1-1000, default 50)." };
        var cursor = new Option<string?>("--cursor") { Description = "Continue after the page that printed this cursor." };
        var command = new Command("ls", "List images, oldest registration first.");
        foreach (var option in new Option[] { state, repository, tag, longer, limit, cursor })
        {
            command.Options.Add(option);
        }

        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var query = ClientText.Query(
                ("state", parse.GetValue(state)),
                ("repository", parse.GetValue(repository)),
                ("tag", parse.GetValue(tag)),
                ("inStateLongerThan", parse.GetValue(longer)),
                ("limit", parse.GetValue(limit)?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("cursor", parse.GetValue(cursor)));
            var page = await session.GetAsync("api/v1/images" + query, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                ClientText.WriteImageRows(session.Output, page.Items());
                if (page.Str("nextCursor") is { Length: > 0 } next)
                {
                    await session.Output.WriteLineAsync($"more: --cursor {next}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateShow()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var command = new Command("show", "Show one image.");
        command.Arguments.Add(digest);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var image = await session.GetAsync("api/v1/images/" + ClientText.Segment(parse.GetRequiredValue(digest)), cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                TableWriter.WritePairs(session.Output,
                [
                    ("digest", image.Str("digest")),
                    ("repository", image.Str("repository")),
                    ("state", image.Str("state")),
                    ("version", image.Str("version")),
                    ("in state since", image.Time("enteredStateAt")),
                    ("registered", image.Time("registeredAt")),
                    ("vetoed", image.Str("vetoed")),
                    ("tags", image.Joined("tags")),
                    ("attributes", image.Pairs("attributes")),
                ]);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateHistory()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var command = new Command("history", "Show an image's history: every accepted, rejected and override entry.");
        command.Arguments.Add(digest);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var history = await session.GetAsync("api/v1/images/" + ClientText.Segment(parse.GetRequiredValue(digest)) + "/history", cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                TableWriter.Write(
                    session.Output,
                    ["SEQ", "AT", "KIND", "EVENT", "FROM", "TO", "ACTOR", "REASON", "DETAIL"],
                    history.Items().Select(e => (IReadOnlyList<string>)
                    [
                        e.Str("seq"), e.Time("at"), e.Str("kind"), e.Str("event"), e.Str("from"), e.Str("to"), e.Str("actor"), e.Str("reason"), ClientText.Detail(e.Str("detail")),
                    ]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
