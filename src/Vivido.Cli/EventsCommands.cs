using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido event DIGEST EVENT</c> and its shorthand <c>vivido promote DIGEST</c>.</summary>
internal static class EventsCommands
{
    public static Command CreateEvent()
    {
        var eventName = new Argument<string>("EVENT") { Description = "A lifecycle event, e.g. scan_passed, staged, promote." };
        var command = new Command("event", "Fire a lifecycle event on an image. Exit 3 when the lifecycle refuses it (each unmet guard is printed), 4 on a version conflict.");
        command.Arguments.Add(eventName);
        AddFire(command, parse => parse.GetRequiredValue(eventName));
        return command;
    }

    public static Command CreatePromote()
    {
        var command = new Command("promote", "Fire 'promote': the digest becomes Active and the repository's previous Active digest is superseded.");
        AddFire(command, _ => "promote");
        return command;
    }

    private static void AddFire(Command command, Func<ParseResult, string> eventOf)
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit trail." };
        var parameters = new Option<string[]>("--param") { Description = "An event parameter KEY=VALUE (repeatable), e.g. --param to=Active." };
        var ifMatch = new Option<long?>("--if-match") { Description = "Only if the image is still at this version (else exit 4)." };
        var idempotencyKey = new Option<string?>("--idempotency-key") { Description = "Retrying with the same key replays the first answer instead of firing twice." };
        command.Arguments.Insert(0, digest);
        command.Options.Add(reason);
        command.Options.Add(parameters);
        command.Options.Add(ifMatch);
        command.Options.Add(idempotencyKey);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var body = new { @event = eventOf(parse), reason = parse.GetValue(reason), @params = ClientText.Pairs(parse.GetValue(parameters), "--param") };
            var result = await session.CallAsync(
                HttpMethod.Post,
                $"api/v1/images/{ClientText.Segment(parse.GetRequiredValue(digest))}/events",
                body,
                cancel,
                ClientText.WriteHeaders(parse.GetValue(ifMatch), parse.GetValue(idempotencyKey))).ConfigureAwait(false);
            if (!session.Json)
            {
                ClientText.WriteTransition(session.Output, result);
            }

            return ExitCodes.Ok;
        });
    }
}
