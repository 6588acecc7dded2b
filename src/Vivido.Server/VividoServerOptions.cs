using Vivido.Registry;

namespace Vivido.Server;

/// <summary>How <see cref="VividoServer"/> starts: where it listens, its data folder and its lifecycle.</summary>
public sealed record VividoServerOptions
{
    /// <summary>The default listen address: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The default request body cap: 1 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Holds <c>admin.token</c> (and, for the SQLite store, the database).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Listen addresses; port 0 picks a free port (read the bound address from <c>WebApplication.Urls</c> after start).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>A PEM certificate chain (leaf first) to serve HTTPS with; set together with <see cref="TlsKeyFile"/>, and then every URL must be https.</summary>
    public string? TlsCertificateFile { get; init; }

    /// <summary>The PEM private key (RSA or ECDSA, unencrypted) of <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; init; }

    /// <summary>A lifecycle YAML file; null for the embedded default.</summary>
    public string? LifecycleFile { get; init; }

    /// <summary>The first admin token's secret (VIVIDO_BOOTSTRAP_TOKEN); null generates one.</summary>
    public string? BootstrapToken { get; init; }

    /// <summary>Larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <summary>Larger evidence documents and bundles get 413 (default 16 MiB); other bodies keep <see cref="MaxRequestBodyBytes"/>.</summary>
    public long MaxDocumentBytes { get; init; } = Contracts.DocumentBody.DefaultLimit;

    /// <summary>What admission does with a tag Vivido does not know: deny (default), or resolve it from the registry.</summary>
    public Core.Admitting.UnknownTagPolicy AdmissionUnknownTags { get; init; } = Core.Admitting.UnknownTagPolicy.Deny;

    /// <summary>The cluster admitted workloads are recorded in (unless their <c>vivido.dev/cluster</c> annotation says).</summary>
    public string Cluster { get; init; } = "default";

    /// <summary>Accept admission reviews without a token (for API servers that cannot send one; protect the endpoint with TLS and the network).</summary>
    public bool AdmissionAnonymous { get; init; }

    /// <summary>The clock; tests pass one they control.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the start line and a generated admin token are printed (stdout for <c>vivido serve</c>).</summary>
    public TextWriter Output { get; init; } = TextWriter.Null;

    /// <summary>This replica's name in leases and in the history entries its background jobs write.</summary>
    public string ReplicaId { get; init; } = Environment.MachineName + ":" + Environment.ProcessId;

    /// <summary>Run the background jobs (timers) on this replica. Every replica may; leases keep each unit of work to one.</summary>
    public bool RunJobs { get; init; } = true;

    /// <summary>How often each background job looks for work.</summary>
    public TimeSpan JobInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a job's lease lasts without renewal: the longest a dead replica's job waits before another takes over.</summary>
    public TimeSpan LeaseTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The shared secret Harbor sends as its <c>Authorization</c> header to <c>/webhooks/harbor</c>; null turns that receiver off.</summary>
    public string? HarborSecret { get; init; }

    /// <summary>The secret GitHub signs <c>/webhooks/github</c> deliveries with (<c>X-Hub-Signature-256</c>); null turns that receiver off.</summary>
    public string? GitHubSecret { get; init; }

    /// <summary>The registry host <c>/webhooks/distribution</c> puts before repository names; null uses each event's <c>request.host</c>.</summary>
    public string? DistributionHost { get; init; }

    /// <summary>How to reach each registry (<c>vivido serve --registries FILE</c>): signature lookups and cleanup deletes go through it.</summary>
    public RegistrySettings Registries { get; init; } = RegistrySettings.Empty;

    /// <summary>Cosign public keys (PEM, ECDSA P-256) by name, as file paths (<c>vivido serve --signing-key NAME=FILE</c>).</summary>
    public IReadOnlyDictionary<string, string> SigningKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>Write framework warnings and errors to the console (off in tests).</summary>
    public bool ConsoleLogging { get; init; } = true;
}
