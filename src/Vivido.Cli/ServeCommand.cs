using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Vivido.Server;

namespace Vivido.Cli;

/// <summary><c>vivido serve [--data DIR] [--urls URL] [--lifecycle FILE]</c>: the HTTP API on an embedded SQLite store.</summary>
internal static class ServeCommand
{
    public const string BootstrapVariable = "VIVIDO_BOOTSTRAP_TOKEN";

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The data folder (SQLite file, admin.token).", DefaultValueFactory = _ => DataDirectory.Default };
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen; several separated by ';'. Port 0 picks a free port.",
            DefaultValueFactory = _ => VividoServerOptions.DefaultUrl,
        };
        var lifecycle = new Option<string?>("--lifecycle") { Description = "A lifecycle YAML file (default: the embedded default lifecycle)." };
        var command = new Command(
            "serve",
            $"Run the Vivido server. On first start it creates an admin token from {BootstrapVariable}, or generates one, prints it once and saves it to DATA/admin.token (mode 0600).");
        command.Options.Add(data);
        command.Options.Add(urls);
        command.Options.Add(lifecycle);
        command.SetAction(async (parse, cancel) =>
        {
            using var store = DataDirectory.OpenStore(parse.GetRequiredValue(data));
            var options = new VividoServerOptions
            {
                DataDirectory = Path.GetDirectoryName(store.DatabasePath)!,
                Urls = parse.GetRequiredValue(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                LifecycleFile = parse.GetValue(lifecycle),
                BootstrapToken = Environment.GetEnvironmentVariable(BootstrapVariable) is { Length: > 0 } secret ? secret : null,
                Output = parse.InvocationConfiguration.Output,
            };
            try
            {
                await using var app = await VividoServer.CreateAsync(options, store, cancel).ConfigureAwait(false);
                await app.StartAsync(cancel).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancel).ConfigureAwait(false);
            }
            catch (ServerStartupException ex)
            {
                throw new CliException(ex.Message);
            }
            catch (IOException ex)
            {
                throw new CliException($"cannot listen on {string.Join(", ", options.Urls)}: {ex.Message}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
