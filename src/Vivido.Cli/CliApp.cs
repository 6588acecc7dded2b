using System.CommandLine;
using Vivido.Core.Storage;

namespace Vivido.Cli;

/// <summary>Builds the `vivido` command tree and runs it with the given writers (tests pass their own).</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Vivido: one authoritative lifecycle state for every container image digest.");
        root.Subcommands.Add(PolicyCommands.Create());
        root.Subcommands.Add(LifecycleCommands.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(LoginCommand.Create());
        root.Subcommands.Add(RegisterCommand.Create());
        root.Subcommands.Add(ImagesCommands.Create());
        root.Subcommands.Add(EventsCommands.CreateEvent());
        root.Subcommands.Add(EventsCommands.CreatePromote());
        root.Subcommands.Add(RollbackCommand.Create());
        root.Subcommands.Add(OverrideCommand.Create());
        root.Subcommands.Add(ReviewCommands.CreateApprove());
        root.Subcommands.Add(ReviewCommands.CreateVeto());
        root.Subcommands.Add(TagsCommands.Create());
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(TokensCommands.Create());
        root.Subcommands.Add(JobsCommands.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(SignCommands.Create());
        root.Subcommands.Add(CleanupCommand.Create());
        root.Subcommands.Add(IngestCommands.CreateScan());
        root.Subcommands.Add(IngestCommands.CreateSbom());
        root.Subcommands.Add(IngestCommands.CreateAttest());
        root.Subcommands.Add(EvidenceCommands.Create());
        root.Subcommands.Add(VulnerabilityCommands.CreateCve());
        root.Subcommands.Add(VulnerabilityCommands.CreatePackages());
        root.Subcommands.Add(VulnerabilityCommands.CreatePatchTime());
        root.Subcommands.Add(DeploymentsCommands.CreateWhere());
        root.Subcommands.Add(DeploymentsCommands.Create());
        root.Subcommands.Add(CheckCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Build().Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("vivido: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync("vivido: the database is unavailable: " + ex.Message.Split('\n')[0]).ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Users get one line; VIVIDO_DEBUG=1 shows the trace for bug reports.
            var detail = Environment.GetEnvironmentVariable("VIVIDO_DEBUG") == "1" ? ex.ToString() : ex.Message;
            await error.WriteLineAsync($"vivido: unexpected error: {detail}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }
}
