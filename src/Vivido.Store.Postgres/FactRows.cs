using Npgsql;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>Builds the engine's <see cref="ImageFacts"/> from the evidence, approvals and deployments tables.</summary>
internal static class FactRows
{
    public const string DeploymentColumns = "environment, cluster, namespace, workload, status, first_seen, last_seen";

    /// <summary>The three fact queries for the image whose digest is $1, to run in one batch in this order.</summary>
    public static readonly string[] Queries =
    [
        "SELECT kind, fact FROM evidence WHERE image_id = (SELECT id FROM images WHERE digest = $1) ORDER BY id",
        "SELECT actor, role, comment, at FROM approvals WHERE image_id = (SELECT id FROM images WHERE digest = $1) ORDER BY id",
        $"SELECT {DeploymentColumns} FROM deployments WHERE image_id = (SELECT id FROM images WHERE digest = $1) ORDER BY id",
    ];

    public static DeploymentFact MapDeployment(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ParseStatus(r.GetString(4)), r.Time(5), r.Time(6));

    public static string StatusName(DeploymentStatus status) => status switch
    {
        DeploymentStatus.Healthy => "healthy",
        DeploymentStatus.Degraded => "degraded",
        DeploymentStatus.Failed => "failed",
        DeploymentStatus.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown deployment status"),
    };

    /// <summary>Reads the results of <see cref="Queries"/>; the reader is positioned on the first of them.</summary>
    public static async Task<ImageFacts> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var evidence = await reader.RowsAsync(r => JsonColumns.ParseFact(StorageNames.ParseEvidenceKind(r.GetString(0)), r.GetString(1)), cancellationToken)
            .ConfigureAwait(false);
        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
        var approvals = await reader.RowsAsync(r => new ApprovalFact(r.GetString(0), r.GetString(1), r.NullableString(2), r.Time(3)), cancellationToken)
            .ConfigureAwait(false);
        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
        var deployments = await reader.RowsAsync(MapDeployment, cancellationToken).ConfigureAwait(false);

        // Evidence is folded in attachment order: the latest of each kind wins, and the latest result per test suite.
        var tests = new Dictionary<string, TestResultFact>(StringComparer.Ordinal);
        var suites = new List<string>();
        ScanFact? scan = null;
        SbomFact? sbom = null;
        SignatureFact? signature = null;
        ProvenanceFact? provenance = null;
        foreach (var fact in evidence)
        {
            switch (fact)
            {
                case ScanFact s: scan = s; break;
                case SbomFact s: sbom = s; break;
                case SignatureFact s: signature = s; break;
                case ProvenanceFact p: provenance = p; break;
                case TestResultFact t:
                    if (tests.TryAdd(t.Suite, t))
                    {
                        suites.Add(t.Suite);
                    }
                    else
                    {
                        tests[t.Suite] = t;
                    }

                    break;
            }
        }

        return new ImageFacts(scan, sbom, signature, provenance, suites.Select(s => tests[s]).ToList(), approvals, deployments);
    }

    private static DeploymentStatus ParseStatus(string name) => name switch
    {
        "healthy" => DeploymentStatus.Healthy,
        "degraded" => DeploymentStatus.Degraded,
        "failed" => DeploymentStatus.Failed,
        "stopped" => DeploymentStatus.Stopped,
        _ => throw new FormatException($"unknown deployment status '{name}'"),
    };
}
