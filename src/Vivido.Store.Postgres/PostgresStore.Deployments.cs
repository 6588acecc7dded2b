using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

// What the deployment and rollback success rates are computed from.
public sealed partial class PostgresStore
{
    private const string RecentDeployments =
        $"SELECT {FactColumns.DeploymentRow} FROM deployments d JOIN images i ON i.id = d.image_id WHERE d.last_seen >= $1 ORDER BY d.id";

    private const string RecentRollbacks =
        $"SELECT {FactColumns.Rollback} FROM history h JOIN images i ON i.id = h.image_id " +
        "WHERE h.kind = 'accepted' AND h.event = 'rollback' AND h.at >= $1 ORDER BY h.seq";

    /// <inheritdoc />
    public Task<DeploymentOutcomes> ReadDeploymentOutcomesAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var time = PostgresTimeReader.Instance;
        return _database.ReadAsync(
            async connection =>
            {
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add(RecentDeployments).WithTime(since);
                    batch.Add(RecentRollbacks).WithTime(since);
                    var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        var deployments = await reader.RowsAsync(r => FactColumns.ReadDeploymentRow(r, time), cancellationToken).ConfigureAwait(false);
                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        var rollbacks = await reader.RowsAsync(r => FactColumns.ReadRollback(r, time), cancellationToken).ConfigureAwait(false);
                        return new DeploymentOutcomes(deployments, rollbacks);
                    }
                }
            },
            cancellationToken);
    }
}
