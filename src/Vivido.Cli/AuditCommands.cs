using System.CommandLine;
using System.Globalization;

namespace Vivido.Cli;

/// <summary><c>vivido audit verify|export</c>.</summary>
internal static class AuditCommands
{
    private const int PageSize = 1000;

    public static Command Create()
    {
        var audit = new Command("audit", "Check and export the append-only, hash-chained history.");
        audit.Subcommands.Add(CreateVerify());
        audit.Subcommands.Add(CreateExport());
        return audit;
    }

    private static Command CreateVerify()
    {
        var command = new Command("verify", "Verify every history entry's hash and link. Exit 1 when the chain is broken.");
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var result = await session.GetAsync("api/v1/audit/verify", cancel).ConfigureAwait(false);
            var ok = result.Str("ok") == "true";
            if (!session.Json && ok)
            {
                await session.Output.WriteLineAsync($"ok: {result.Str("entries")} entries, hash chain intact").ConfigureAwait(false);
            }

            return ok ? ExitCodes.Ok : throw new CliException($"the hash chain is broken at seq {result.Str("firstBadSeq")} ({result.Str("entries")} entries checked)");
        });
        return command;
    }

    private static Command CreateExport()
    {
        var since = new Option<long>("--since") { Description = "Start after this seq (default 0: from the start).", DefaultValueFactory = _ => 0 };
        var command = new Command("export", "Print every history entry as one JSON object per line (JSON lines), in seq order.");
        command.Options.Add(since);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            long? after = parse.GetValue(since);
            while (after is { } from)
            {
                var response = await session.SendAsync(
                    HttpMethod.Get, $"api/v1/audit?since={from.ToString(CultureInfo.InvariantCulture)}&limit={PageSize}", null, cancel).ConfigureAwait(false);
                if (!response.IsSuccess)
                {
                    throw ApiFailure.From(response);
                }

                var page = response.Json();
                foreach (var entry in page.Items())
                {
                    await session.Output.WriteLineAsync(entry.GetRawText()).ConfigureAwait(false);
                }

                after = page.Obj("next") is { ValueKind: System.Text.Json.JsonValueKind.Number } next ? next.GetInt64() : null;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
