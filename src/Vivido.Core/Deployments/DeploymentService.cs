using System.Globalization;
using Vivido.Core.Images;
using Vivido.Core.Service;
using Vivido.Core.Storage;

namespace Vivido.Core.Deployments;

/// <summary>Where digests run: deployment reports from deploy tools, the list per digest, and success rates.</summary>
public sealed class DeploymentService
{
    /// <summary>The longest environment, cluster, namespace or workload accepted (a DNS name's limit, as Kubernetes uses).</summary>
    public const int MaxNameLength = 253;

    /// <summary>How far back the summary looks when no <c>since</c> is given.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    private static readonly string[] SinceFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private readonly IVividoStore _store;
    private readonly TimeProvider _time;

    public DeploymentService(IVividoStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>Records that the digest runs at the place named, seen now in the status given; returns the stored row.</summary>
    public async Task<ServiceResult<DeploymentFact>> ReportAsync(Caller caller, DeploymentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var bad = Inputs.First(
            Inputs.Digest(input.Digest),
            Name(input.Environment, "environment"),
            Name(input.Cluster, "cluster"),
            Name(input.Namespace, "namespace"),
            Name(input.Workload, "workload"),
            DeploymentStatusNames.TryParse(input.Status, out var status)
                ? null
                : new InvalidInput("status", $"'status' must be one of {string.Join(", ", DeploymentStatusNames.All)}"));
        if (bad is not null)
        {
            return bad;
        }

        var image = await ImageAccess.LoadAsync(_store, caller, input.Digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        var report = new DeploymentReport(input.Digest!, input.Environment!, input.Cluster!, input.Namespace!, input.Workload!, status, _time.GetUtcNow());
        if (!await _store.RecordDeploymentAsync(report, cancellationToken).ConfigureAwait(false))
        {
            return ImageAccess.NotFound(report.Digest);
        }

        var stored = await _store.ListDeploymentsAsync(report.Digest, cancellationToken).ConfigureAwait(false);
        return stored.FirstOrDefault(d => d.Environment == report.Environment && d.Cluster == report.Cluster
            && d.Namespace == report.Namespace && d.Workload == report.Workload) is { } row
            ? row
            : ImageAccess.NotFound(report.Digest);
    }

    /// <summary>Where the digest runs, oldest row first.</summary>
    public async Task<ServiceResult<IReadOnlyList<DeploymentFact>>> ListAsync(Caller caller, string? digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var image = await ImageAccess.LoadAsync(_store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        return ServiceResult<IReadOnlyList<DeploymentFact>>.FromValue(await _store.ListDeploymentsAsync(digest!, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Deployment and rollback success since <paramref name="since"/> (RFC 3339; <see cref="DefaultWindow"/> ago
    /// when null), over the repositories the caller may see.
    /// </summary>
    public async Task<ServiceResult<DeploymentSummary>> SummaryAsync(Caller caller, string? since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        DateTimeOffset cutOff;
        if (since is null)
        {
            cutOff = _time.GetUtcNow() - DefaultWindow;
        }
        else if (!TryParseTime(since, out cutOff))
        {
            return new InvalidInput("since", "'since' must be an RFC 3339 time with an offset, e.g. 2026-01-31T00:00:00Z");
        }

        var outcomes = await _store.ReadDeploymentOutcomesAsync(cutOff, cancellationToken).ConfigureAwait(false);
        var visible = caller.IsUnscoped
            ? outcomes
            : new DeploymentOutcomes(
                [.. outcomes.Deployments.Where(d => caller.CanAccess(d.Repository))],
                [.. outcomes.Rollbacks.Where(r => caller.CanAccess(r.Repository))]);
        return DeploymentSummaryCalculator.Summarize(visible, cutOff);
    }

    /// <summary>An RFC 3339 date-time: a <c>T</c> (or <c>t</c>), and <c>Z</c> or a numeric offset; fractions up to 7 digits.</summary>
    internal static bool TryParseTime(string text, out DateTimeOffset at)
    {
        at = default;
        var upper = text.ToUpperInvariant();
        var hasOffset = upper.EndsWith('Z') || (upper.Length > 6 && upper[^6] is '+' or '-' && upper[^3] == ':');
        return hasOffset
            && DateTimeOffset.TryParseExact(upper, SinceFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
    }

    private static InvalidInput? Name(string? value, string field) =>
        value is null || value.Length == 0 ? new InvalidInput(field, $"'{field}' is required")
        : value.Length > MaxNameLength ? new InvalidInput(field, $"'{field}' is longer than {MaxNameLength} characters")
        : value.Any(char.IsControl) ? new InvalidInput(field, $"'{field}' must not contain control characters")
        : null;
}
