using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Vivido.Registry;
using Vivido.Server;

namespace Vivido.Cli;

/// <summary>
/// <c>vivido serve [--data DIR] [--database DB] [--urls URL] [--tls-cert FILE --tls-key FILE] [--lifecycle FILE] [--replica-id ID]
/// [--job-interval D] [--lease-ttl D] [--no-jobs] [--harbor-secret-file F] [--github-secret-file F]
/// [--distribution-host HOST] [--signing-key NAME=FILE]... [--registries FILE] [--max-document-bytes N]
/// [--admission-unknown-tags deny|resolve] [--cluster NAME] [--admission-anonymous]</c>: the HTTP API on SQLite or PostgreSQL.
/// </summary>
internal static class ServeCommand
{
    public const string BootstrapVariable = "VIVIDO_BOOTSTRAP_TOKEN";

    public const string RegistriesVariable = "VIVIDO_REGISTRIES";

    public static Command Create()
    {
        var defaults = new VividoServerOptions { DataDirectory = DataDirectory.Default };
        var data = new Option<string>("--data")
        {
            Description = $"The data folder: admin.token, and the SQLite file {DataDirectory.DatabaseFile} unless --database names another database.",
            DefaultValueFactory = _ => DataDirectory.Default,
        };
        var database = DatabaseOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen; several separated by ';'. Port 0 picks a free port.",
            DefaultValueFactory = _ => VividoServerOptions.DefaultUrl,
        };
        var tlsCert = new Option<string?>("--tls-cert")
        {
            HelpName = "FILE",
            Description = "Serve HTTPS (TLS 1.2+) with this PEM certificate chain, leaf first; needs --tls-key, and every --urls entry must then be https://.",
        };
        var tlsKey = new Option<string?>("--tls-key")
        {
            HelpName = "FILE",
            Description = "The PEM private key (RSA or ECDSA, unencrypted) of --tls-cert.",
        };
        var lifecycle = new Option<string?>("--lifecycle") { Description = "A lifecycle YAML file (default: the embedded default lifecycle)." };
        var replicaId = new Option<string?>("--replica-id")
        {
            HelpName = "ID",
            Description = "This replica's name in job leases and in the history entries its jobs write (default: HOST:PID).",
        };
        var jobInterval = new Option<string?>("--job-interval")
        {
            HelpName = "DURATION",
            Description = $"How often the background jobs (timers) look for work, e.g. 10s or 1m (default {Text(defaults.JobInterval)}).",
        };
        var leaseTtl = new Option<string?>("--lease-ttl")
        {
            HelpName = "DURATION",
            Description = $"How long a job lease lasts without renewal: the longest a dead replica's job waits for another to take over; longer than --job-interval (default {Text(defaults.LeaseTtl)}).",
        };
        var noJobs = new Option<bool>("--no-jobs") { Description = "Do not run background jobs on this replica (other replicas still may)." };
        var harborSecret = new Option<string?>("--harbor-secret-file")
        {
            HelpName = "FILE",
            Description = "A file holding the secret Harbor sends as its Authorization header to /webhooks/harbor (without it that receiver is off).",
        };
        var githubSecret = new Option<string?>("--github-secret-file")
        {
            HelpName = "FILE",
            Description = "A file holding the GitHub webhook secret that signs /webhooks/github deliveries (without it that receiver is off).",
        };
        var distributionHost = new Option<string?>("--distribution-host")
        {
            HelpName = "HOST",
            Description = "The registry host /webhooks/distribution puts before repository names (default: each event's request.host).",
        };
        var signingKeys = new Option<string[]>("--signing-key")
        {
            HelpName = "NAME=FILE",
            Description = "A cosign public key (PEM, ECDSA P-256) that signature verification accepts, under NAME (repeatable); guards see the names in image.signature.verifiedBy.",
        };
        var registries = new Option<string?>("--registries")
        {
            HelpName = "FILE",
            Description = $"Registry access settings (YAML: registries: [{{host, insecure, username, password | passwordFile}}]) for signature lookups and cleanup (default: ${RegistriesVariable}).",
        };
        var maxDocument = new Option<long?>("--max-document-bytes")
        {
            HelpName = "BYTES",
            Description = $"The largest scan report, SBOM or attestation accepted (413 above it); evidence bundles may be four times larger (default {defaults.MaxDocumentBytes}).",
        };
        var unknownTags = new Option<string>("--admission-unknown-tags")
        {
            HelpName = "deny|resolve",
            Description = "What Kubernetes admission does with a tag Vivido has not recorded: deny it, or ask the image's registry which digest it points to (default deny).",
            DefaultValueFactory = _ => "deny",
        };
        unknownTags.AcceptOnlyFromAmong("deny", "resolve");
        var cluster = new Option<string>("--cluster")
        {
            HelpName = "NAME",
            Description = "The cluster admitted workloads are recorded in, unless their vivido.dev/cluster annotation names another (default: default).",
            DefaultValueFactory = _ => defaults.Cluster,
        };
        var admissionAnonymous = new Option<bool>("--admission-anonymous")
        {
            Description = "Accept admission reviews without a token, for API servers that cannot send one (protect /admission with TLS and network policy).",
        };
        var command = new Command(
            "serve",
            $"Run the Vivido server. On first start it creates an admin token from {BootstrapVariable}, or generates one, prints it once and saves it to DATA/admin.token (mode 0600).");
        foreach (var option in new Option[] { data, database, urls, tlsCert, tlsKey, lifecycle, replicaId, jobInterval, leaseTtl, noJobs, harborSecret, githubSecret, distributionHost, signingKeys, registries, maxDocument, unknownTags, cluster, admissionAnonymous })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancel) =>
        {
            var interval = parse.GetValue(jobInterval) is { } i ? DurationText.Parse(i, "--job-interval") : defaults.JobInterval;
            var ttl = parse.GetValue(leaseTtl) is { } t ? DurationText.Parse(t, "--lease-ttl") : defaults.LeaseTtl;
            if (ttl <= interval)
            {
                throw new CliException($"--lease-ttl ({Text(ttl)}) must be longer than --job-interval ({Text(interval)}), or the lease lapses between runs");
            }

            var maxDocumentBytes = parse.GetValue(maxDocument) ?? defaults.MaxDocumentBytes;
            if (maxDocumentBytes is < 1024 or > 1L << 30)
            {
                throw new CliException("--max-document-bytes must be between 1024 and 1073741824");
            }

            var clusterName = parse.GetRequiredValue(cluster).Trim();
            if (clusterName.Length is 0 or > 253 || clusterName.Any(char.IsControl))
            {
                throw new CliException("--cluster must be 1-253 characters without control characters");
            }

            var replica = parse.GetValue(replicaId) is { } r ? r.Trim() : defaults.ReplicaId;
            if (replica.Length == 0 || replica.Length > 200 || replica.Any(char.IsControl))
            {
                throw new CliException("--replica-id must be 1-200 characters without control characters");
            }

            var directory = DataDirectory.EnsureCreated(parse.GetRequiredValue(data));
            await using var store = StoreFactory.Open(DatabaseOption.Resolve(parse.GetValue(database), directory, Environment.GetEnvironmentVariable));
            var options = new VividoServerOptions
            {
                DataDirectory = directory,
                Urls = parse.GetRequiredValue(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                LifecycleFile = parse.GetValue(lifecycle),
                TlsCertificateFile = parse.GetValue(tlsCert),
                TlsKeyFile = parse.GetValue(tlsKey),
                BootstrapToken = Environment.GetEnvironmentVariable(BootstrapVariable) is { Length: > 0 } secret ? secret : null,
                Output = parse.InvocationConfiguration.Output,
                ReplicaId = replica,
                RunJobs = !parse.GetValue(noJobs),
                JobInterval = interval,
                LeaseTtl = ttl,
                HarborSecret = WebhookOptions.ReadSecret(parse.GetValue(harborSecret), "--harbor-secret-file"),
                GitHubSecret = WebhookOptions.ReadSecret(parse.GetValue(githubSecret), "--github-secret-file"),
                DistributionHost = WebhookOptions.Host(parse.GetValue(distributionHost)),
                SigningKeys = ClientText.Pairs(parse.GetValue(signingKeys), "--signing-key") ?? [],
                MaxDocumentBytes = maxDocumentBytes,
                AdmissionUnknownTags = parse.GetRequiredValue(unknownTags) == "resolve" ? Core.Admitting.UnknownTagPolicy.Resolve : Core.Admitting.UnknownTagPolicy.Deny,
                Cluster = clusterName,
                AdmissionAnonymous = parse.GetValue(admissionAnonymous),
                Registries = LoadRegistries(parse.GetValue(registries) ?? Environment.GetEnvironmentVariable(RegistriesVariable)),
            };
            try
            {
                await using var app = await VividoServer.CreateAsync(options, store.Store, cancel).ConfigureAwait(false);
                try
                {
                    await app.StartAsync(cancel).ConfigureAwait(false);
                }
                catch
                {
                    // Jobs may have started before Kestrel failed to bind; stop them so none writes after we return.
                    await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                    throw;
                }

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

    private static RegistrySettings LoadRegistries(string? path)
    {
        try
        {
            return string.IsNullOrWhiteSpace(path) ? RegistrySettings.Empty : RegistrySettings.Load(path);
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static string Text(TimeSpan duration) =>
        duration.TotalMilliseconds % 1000 != 0 ? $"{duration.TotalMilliseconds:0}ms"
        : duration.TotalSeconds % 60 != 0 ? $"{duration.TotalSeconds:0}s"
        : $"{duration.TotalMinutes:0}m";
}
