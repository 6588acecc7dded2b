using Npgsql;
using Vivido.Core.Images;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>Reads the engine's <see cref="ImageFacts"/> from the evidence, approvals and deployments tables in one batch.</summary>
internal static class FactRows
{
    /// <summary>The three fact queries for the image whose digest is $1, to run in one batch in this order.</summary>
    public static readonly string[] Queries =
    [
        $"SELECT {FactColumns.Evidence} FROM evidence WHERE image_id = (SELECT id FROM images WHERE digest = $1) ORDER BY id",
        $"SELECT {FactColumns.Approval} FROM approvals WHERE image_id = (SELECT id FROM images WHERE digest = $1) ORDER BY id",
        $"SELECT {FactColumns.Deployment} FROM deployments WHERE image_id = (SELECT id FROM images WHERE digest = $1) ORDER BY id",
    ];

    public static DeploymentFact MapDeployment(NpgsqlDataReader r) => FactColumns.ReadDeployment(r, PostgresTimeReader.Instance);

    /// <summary>Reads the results of <see cref="Queries"/>; the reader is positioned on the first of them.</summary>
    public static async Task<ImageFacts> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var evidence = await reader.RowsAsync(FactColumns.ReadEvidence, cancellationToken).ConfigureAwait(false);
        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
        var approvals = await reader.RowsAsync(r => FactColumns.ReadApproval(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false);
        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
        var deployments = await reader.RowsAsync(MapDeployment, cancellationToken).ConfigureAwait(false);
        return FactColumns.Build(evidence, approvals, deployments);
    }
}
