using System.CommandLine;
using System.Globalization;

namespace Vivido.Cli;

/// <summary><c>vivido db copy --to DB [--from DB]</c>: moves a whole install between stores (e.g. SQLite to PostgreSQL), checked.</summary>
internal static class DbCopyCommand
{
    public static Command Create()
    {
        var data = DbCommands.DataOption();
        var from = DatabaseOption.Create("--from", $"The source database: {DatabaseOption.Forms} (else {DatabaseOption.Variable}, else DATA/{DataDirectory.DatabaseFile}).");
        var to = DatabaseOption.Create("--to", "The target database, same forms; it must hold no data yet (it is migrated first).");
        to.Required = true;
        var command = new Command(
            "copy",
            "Copy every table, row for row, into an empty database, then check row counts and the target's hash chain. Stop servers writing to the source first. Exit 1 on any mismatch.");
        command.Options.Add(data);
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(async (parse, cancel) =>
        {
            var sourceName = DatabaseOption.Resolve(parse.GetValue(from), parse.GetRequiredValue(data), Environment.GetEnvironmentVariable);
            var targetName = parse.GetRequiredValue(to)!.Trim();
            await using var source = StoreFactory.Open(sourceName);
            await using var target = StoreFactory.Open(targetName);
            if (source.Description == target.Description)
            {
                throw new CliException($"--from and --to are the same database ({source.Description})");
            }

            var report = await new StoreCopier(source.Store, target.Store, parse.InvocationConfiguration.Error).CopyAsync(cancel).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            TableWriter.Write(
                output,
                ["table", "source", "target"],
                report.Tables.Select(t => (IReadOnlyList<string>)[t.Name, Number(t.Source), Number(t.Target)]));
            await output.WriteLineAsync(report.Audit.Ok
                ? $"audit verify: ok, {Number(report.Audit.Entries)} entries"
                : $"audit verify: broken at seq {report.Audit.FirstBadSeq}, {Number(report.Audit.Entries)} entries").ConfigureAwait(false);
            if (!report.Ok)
            {
                var differences = report.Mismatches.Select(t => $"{t.Name} source {t.Source}, target {t.Target}, copied {t.Written}");
                throw new CliException(report.Mismatches.Count > 0
                    ? $"the copy does not match: {string.Join("; ", differences)} (was the source written to during the copy?)"
                    : $"the copy does not verify: the target's hash chain is broken at seq {report.Audit.FirstBadSeq}");
            }

            await output.WriteLineAsync($"copied {source.Description} -> {target.Description}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
