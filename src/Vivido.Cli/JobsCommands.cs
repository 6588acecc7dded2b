using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido jobs ls</c> (admin): which replica holds each background-job lease.</summary>
internal static class JobsCommands
{
    public static Command Create()
    {
        var jobs = new Command("jobs", "Admin: the background jobs (timers) and the replicas running them.");
        jobs.Subcommands.Add(CreateList());
        return jobs;
    }

    private static Command CreateList()
    {
        var command = new Command("ls", "List the job leases: which replica holds each, since when, until when, and whether it is still active.");
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var jobs = await session.GetAsync("api/v1/jobs", cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                TableWriter.Write(
                    session.Output,
                    ["NAME", "HOLDER", "ACQUIRED", "EXPIRES", "ACTIVE"],
                    jobs.Items("leases").Select(l => (IReadOnlyList<string>)
                        [l.Str("name"), l.Str("holder"), l.Time("acquiredAt"), l.Time("expiresAt"), l.Str("active") == "true" ? "yes" : "no"]));
                var runs = jobs.Str("runJobs") == "true" ? "runs jobs" : "does not run jobs";
                await session.Output.WriteLineAsync($"answered by replica {jobs.Str("replicaId")}, which {runs}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
