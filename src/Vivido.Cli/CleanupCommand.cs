using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Vivido.Cli;

/// <summary><c>vivido cleanup [--dry-run [--at TIME]]</c>: delete Retired images nothing needs from their registries (admin).</summary>
internal static class CleanupCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list what would be deleted and why every other image is kept." };
        var at = new Option<string?>("--at")
        {
            HelpName = "TIME",
            Description = "With --dry-run: plan for this time (now or later, e.g. 2026-06-01T00:00:00Z). Timers are not simulated, so only images already Retired are considered.",
        };
        var command = new Command(
            "cleanup",
            "Admin: delete from their registries the Retired images that run nowhere and are not among the repository's last rollback candidates; each deletion is recorded in history. Exit 1 when a deletion failed.");
        command.Options.Add(dryRun);
        command.Options.Add(at);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var when = parse.GetValue(at);
            if (when is not null && !parse.GetValue(dryRun))
            {
                throw new CliException("--at only plans: use it with --dry-run");
            }

            using var session = client.Open(parse);
            if (parse.GetValue(dryRun))
            {
                var path = "api/v1/cleanup/plan" + (when is null ? "" : "?at=" + Uri.EscapeDataString(when));
                var plan = await session.GetAsync(path, cancel).ConfigureAwait(false);
                if (!session.Json)
                {
                    await WritePlanAsync(session.Output, plan, null).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            var run = await session.CallAsync(HttpMethod.Post, "api/v1/cleanup", null, cancel).ConfigureAwait(false);
            var failed = run.Items("failed").ToList();
            if (!session.Json)
            {
                var deleted = run.Items("deleted").Select(d => d.Str("digest")).ToHashSet(StringComparer.Ordinal);
                await WritePlanAsync(session.Output, run.Obj("plan"), deleted).ConfigureAwait(false);
                foreach (var failure in failed)
                {
                    await session.Output.WriteLineAsync($"not deleted: {failure.Str("repository")}@{failure.Str("digest")}: {failure.Str("error")}").ConfigureAwait(false);
                }

                await session.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{deleted.Count} deleted, {failed.Count} failed")).ConfigureAwait(false);
            }

            return failed.Count == 0 ? ExitCodes.Ok : ExitCodes.Error;
        });
        return command;
    }

    private static async Task WritePlanAsync(TextWriter output, JsonElement plan, HashSet<string>? deletedNow)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var target in plan.Items("delete"))
        {
            var action = deletedNow is null ? "delete" : deletedNow.Contains(target.Str("digest")) ? "deleted" : "failed";
            rows.Add([action, target.Str("repository"), target.Str("digest"), "Retired", "retired " + target.Time("retiredAt") + ", running nowhere, not a rollback candidate"]);
        }

        rows.AddRange(plan.Items("keep").Select(k => (IReadOnlyList<string>)["keep", k.Str("repository"), k.Str("digest"), k.Str("state"), k.Str("detail")]));
        rows.AddRange(plan.Items("alreadyDeleted").Select(d => (IReadOnlyList<string>)
            ["gone", d.Str("repository"), d.Str("digest"), "Retired", "deleted " + d.Time("deletedAt") + " (history #" + d.Str("historySeq") + ")"]));
        TableWriter.Write(output, ["ACTION", "REPOSITORY", "DIGEST", "STATE", "WHY"], rows);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"plan at {plan.Time("at")}: {plan.Items("delete").Count()} to delete, {plan.Items("keep").Count()} kept, {plan.Items("alreadyDeleted").Count()} already deleted (keeping {plan.Str("keepRollbackCandidates")} rollback candidates per repository)")).ConfigureAwait(false);
    }
}
