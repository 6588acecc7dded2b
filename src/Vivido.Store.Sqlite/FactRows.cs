using Microsoft.Data.Sqlite;
using Vivido.Core.Images;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>Loads the engine's <see cref="ImageFacts"/> from the evidence, approvals and deployments tables.</summary>
internal static class FactRows
{
    public static async Task<ImageFacts> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, long imageId, CancellationToken cancellationToken)
    {
        var time = SqliteTimeReader.Instance;
        var evidence = await connection.Command($"SELECT {FactColumns.Evidence} FROM evidence WHERE image_id = @id ORDER BY id", transaction)
            .With("@id", imageId).ListAsync(FactColumns.ReadEvidence, cancellationToken).ConfigureAwait(false);
        var approvals = await connection.Command($"SELECT {FactColumns.Approval} FROM approvals WHERE image_id = @id ORDER BY id", transaction)
            .With("@id", imageId).ListAsync(r => FactColumns.ReadApproval(r, time), cancellationToken).ConfigureAwait(false);
        var deployments = await connection.Command($"SELECT {FactColumns.Deployment} FROM deployments WHERE image_id = @id ORDER BY id", transaction)
            .With("@id", imageId).ListAsync(r => FactColumns.ReadDeployment(r, time), cancellationToken).ConfigureAwait(false);
        return FactColumns.Build(evidence, approvals, deployments);
    }
}
