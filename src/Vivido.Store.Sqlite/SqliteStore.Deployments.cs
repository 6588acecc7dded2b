using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

// What the deployment and rollback success rates are computed from.
public sealed partial class SqliteStore
{
    private const string RecentDeployments =
        $"SELECT {FactColumns.DeploymentRow} FROM deployments d JOIN images i ON i.id = d.image_id WHERE d.last_seen >= @since ORDER BY d.id";

    private const string RecentRollbacks =
        $"SELECT {FactColumns.Rollback} FROM history h JOIN images i ON i.id = h.image_id " +
        "WHERE h.kind = 'accepted' AND h.event = 'rollback' AND h.at >= @since ORDER BY h.seq";

    /// <inheritdoc />
    public Task<DeploymentOutcomes> ReadDeploymentOutcomesAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var time = SqliteTimeReader.Instance;
        var micros = Micros.FromTime(since);
        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var deployments = await connection.Command(RecentDeployments, transaction)
                    .With("@since", micros).ListAsync(r => FactColumns.ReadDeploymentRow(r, time), cancellationToken).ConfigureAwait(false);
                var rollbacks = await connection.Command(RecentRollbacks, transaction)
                    .With("@since", micros).ListAsync(r => FactColumns.ReadRollback(r, time), cancellationToken).ConfigureAwait(false);
                return new DeploymentOutcomes(deployments, rollbacks);
            },
            cancellationToken);
    }
}
