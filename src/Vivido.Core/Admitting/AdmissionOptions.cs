namespace Vivido.Core.Admitting;

/// <summary>How admission resolves and records.</summary>
/// <param name="UnknownTags">Tags Vivido does not know: deny, or resolve from the registry.</param>
/// <param name="Cluster">The cluster name deployments are recorded under, unless the workload's <c>vivido.dev/cluster</c> annotation says otherwise.</param>
/// <param name="CacheTtl">How long a looked-up state or tag is reused (default 1 s): the most a state change can lag in admission answers. Zero turns the cache off.</param>
public sealed record AdmissionOptions(UnknownTagPolicy UnknownTags = UnknownTagPolicy.Deny, string Cluster = "default", TimeSpan? CacheTtl = null)
{
    /// <summary>Deny unknown tags; cluster <c>default</c>.</summary>
    public static AdmissionOptions Default { get; } = new();

    /// <summary>The default cache lifetime.</summary>
    public static readonly TimeSpan DefaultCacheTtl = TimeSpan.FromSeconds(1);
}
