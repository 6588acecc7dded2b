using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vivido.Registry;

namespace Vivido.Cli;

/// <summary><c>vivido import --registry URL [--repository GLOB] [--concurrency N] [--dry-run] [--registries FILE]</c>.</summary>
internal static class ImportCommand
{
    /// <summary>The lifecycle entry imported images start through (the default lifecycle's <c>Unknown</c>).</summary>
    public const string Entry = "import";

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var registry = new Option<string>("--registry")
        {
            Description = "The registry: http://HOST:PORT (plain http), https://HOST, or HOST (settings from --registries, else https).",
            Required = true,
        };
        var repository = new Option<string?>("--repository") { Description = "Only repositories matching this glob (* matches across '/')." };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Registry requests and registrations in flight at once (1-64).",
            DefaultValueFactory = _ => 8,
        };
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--concurrency must be between 1 and 64");
            }
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "Resolve and compare with Vivido, register nothing." };
        var registries = new Option<string?>("--registries") { Description = $"Registry settings YAML (else {ServeCommand.RegistriesVariable})." };
        var command = new Command(
            "import",
            "Import every tag's digest from a registry that Vivido does not know yet, in the lifecycle's import entry state (Unknown). Idempotent and resumable.");
        command.Options.Add(registry);
        command.Options.Add(repository);
        command.Options.Add(concurrency);
        command.Options.Add(dryRun);
        command.Options.Add(registries);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var glob = parse.GetValue(repository);
            if (glob is not null && !Core.Service.RepositoryPattern.IsValid(glob))
            {
                throw new CliException($"--repository '{glob}' is not a valid pattern (repository characters and *)");
            }

            var host = Host(parse.GetRequiredValue(registry), Settings(parse.GetValue(registries)));
            using var factory = new RegistryClientFactory(new RegistrySettings([host]));
            var registryClient = factory.For(host.Host);
            using var session = client.Open(parse);
            var dry = parse.GetValue(dryRun);
            var importer = (IImportProgress progress) => new RegistryImporter(
                    registryClient,
                    (candidate, ct) => dry ? CheckAsync(session, candidate, ct) : RegisterAsync(session, candidate, ct),
                    parse.GetValue(concurrency),
                    progress)
                .RunAsync(glob, cancel);
            var error = parse.InvocationConfiguration.Error;
            ImportReport report;
            try
            {
                await registryClient.PingAsync(cancel).ConfigureAwait(false);
                report = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
                    ? await SpectreImportProgress.RunAsync(importer).ConfigureAwait(false)
                    : await importer(new PlainImportProgress(error)).ConfigureAwait(false);
            }
            catch (RegistryException e)
            {
                throw new CliException(e.Message);
            }

            await WriteAsync(session, report, dry).ConfigureAwait(false);
            return report.Failed > 0 ? ExitCodes.Error : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The host settings for <paramref name="registry"/>: the scheme decides http or https, the settings file the credentials.</summary>
    internal static RegistryHostSettings Host(string registry, RegistrySettings settings)
    {
        var text = registry.Trim();
        bool? insecure = null;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            insecure = true;
            text = text[7..];
        }
        else if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            insecure = false;
            text = text[8..];
        }

        text = text.TrimEnd('/');
        if (!IsHostAndPort(text))
        {
            throw new CliException($"--registry expects http://HOST[:PORT], https://HOST[:PORT] or HOST[:PORT], got '{registry}'");
        }

        var configured = settings.For(text);
        return insecure is { } plain ? configured with { Insecure = plain } : configured;
    }

    private static bool IsHostAndPort(string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? text : text[..colon];
        var portOk = colon < 0 || (int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536);
        return host.Length > 0 && portOk && Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }

    private static RegistrySettings Settings(string? path)
    {
        path ??= Environment.GetEnvironmentVariable(ServeCommand.RegistriesVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return RegistrySettings.Empty;
        }

        try
        {
            return RegistrySettings.Load(path);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static async Task<ImportOutcome> RegisterAsync(ClientSession session, ImportCandidate candidate, CancellationToken cancellationToken)
    {
        var body = new { repository = candidate.Repository, digest = candidate.Digest, tags = candidate.Tags, entry = Entry };
        var response = await session.SendAsync(HttpMethod.Post, "api/v1/images", body, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => ImportOutcome.New,
            200 => ImportOutcome.Known,
            _ => throw ApiFailure.From(response),
        };
    }

    private static async Task<ImportOutcome> CheckAsync(ClientSession session, ImportCandidate candidate, CancellationToken cancellationToken)
    {
        var response = await session.SendAsync(HttpMethod.Get, "api/v1/images/" + ClientText.Segment(candidate.Digest), null, cancellationToken)
            .ConfigureAwait(false);
        return response.Status switch
        {
            200 => ImportOutcome.Known,
            404 => ImportOutcome.New,
            _ => throw ApiFailure.From(response),
        };
    }

    private static async Task WriteAsync(ClientSession session, ImportReport report, bool dryRun)
    {
        var output = session.Output;
        if (session.Json)
        {
            var json = new { dryRun, @new = report.New, known = report.Known, failed = report.Failed, tags = report.Tags, failures = report.Failures };
            await output.WriteLineAsync(JsonSerializer.Serialize(json, ReportJson)).ConfigureAwait(false);
            return;
        }

        var verb = dryRun ? "would be new (dry run)" : "new";
        await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"{report.New} {verb}, {report.Known} known, {report.Failed} failed ({report.Tags} tags)"))
            .ConfigureAwait(false);
        foreach (var failure in report.Failures)
        {
            await output.WriteLineAsync($"  failed {failure.Reference}: {failure.Reason.Split('\n')[0]}").ConfigureAwait(false);
        }
    }
}
