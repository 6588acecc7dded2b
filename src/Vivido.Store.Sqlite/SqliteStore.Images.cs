using System.Text;
using Vivido.Core.Engine;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    private const string InsertImage =
        "INSERT INTO images (digest, repository, state, version, entered_state_at, registered_at, attributes, vetoed) " +
        "VALUES (@digest, @repository, @state, 1, @at, @at, @attributes, 0) RETURNING id";

    /// <inheritdoc />
    public Task<RegistrationResult> RegisterImageAsync(ImageRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var existing = await ImageRows.FindAsync(connection, transaction, registration.Digest, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    return new RegistrationResult(existing.Image, Created: false);
                }

                var id = await connection.Command(InsertImage, transaction)
                    .With("@digest", registration.Digest).With("@repository", registration.Repository)
                    .With("@state", registration.InitialState).With("@at", Micros.FromTime(registration.At))
                    .With("@attributes", JsonColumns.Map(registration.Attributes))
                    .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("INSERT returned no id");
                await new HistoryWriter(connection, transaction).AppendAsync(id, HistoryDrafts.Registration(registration), cancellationToken).ConfigureAwait(false);
                foreach (var tag in registration.Tags.Distinct(StringComparer.Ordinal))
                {
                    await TagRows.MoveAsync(connection, transaction, registration.Repository, tag, id, registration.Actor, registration.At, cancellationToken)
                        .ConfigureAwait(false);
                }

                var stored = await ImageRows.FindAsync(connection, transaction, registration.Digest, cancellationToken).ConfigureAwait(false);
                return new RegistrationResult(stored!.Image, Created: true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageRecord?> LoadImageAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync(
            async (connection, transaction) =>
                (await ImageRows.FindAsync(connection, transaction, digest, cancellationToken).ConfigureAwait(false))?.Image,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageSnapshot?> LoadSnapshotAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var stored = await ImageRows.FindAsync(connection, transaction, digest, cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    return null;
                }

                return stored.ToSnapshot(await FactRows.LoadAsync(connection, transaction, stored.Id, cancellationToken).ConfigureAwait(false));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImagePage> ListImagesAsync(ImageQuery query, CancellationToken cancellationToken = default)
    {
        var afterId = ImagePaging.Start(query);
        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var command = connection.Command(string.Empty, transaction);
                var sql = new StringBuilder($"SELECT {ImageColumns.List} FROM images i WHERE i.id > @after");
                command.With("@after", afterId).With("@limit", query.Limit + 1);
                if (query.State is not null)
                {
                    sql.Append(" AND i.state = @state");
                    command.With("@state", query.State);
                }

                if (query.Repository is not null)
                {
                    sql.Append(" AND i.repository = @repository");
                    command.With("@repository", query.Repository);
                }

                if (query.Tag is not null)
                {
                    sql.Append(" AND EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id AND t.tag = @tag)");
                    command.With("@tag", query.Tag);
                }

                if (query.InStateLongerThan is { } age)
                {
                    sql.Append(" AND i.entered_state_at <= @cutoff");
                    command.With("@cutoff", Micros.FromTime(query.Now!.Value - age));
                }

                command.CommandText = sql.Append(" ORDER BY i.id LIMIT @limit").ToString();
                var rows = await command.ListAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                var (page, next) = ImagePaging.Take(rows, query.Limit);
                var items = await ImageRows.WithTagsAsync(connection, transaction, page, cancellationToken).ConfigureAwait(false);
                return new ImagePage(items, next);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RepositoryContext> LoadRepositoryContextAsync(string repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var active = await connection.Command(
                        "SELECT digest FROM images WHERE repository = @r AND state = 'Active' ORDER BY entered_state_at, id", transaction)
                    .With("@r", repository).ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                var deprecated = await connection.Command(
                        "SELECT digest FROM images WHERE repository = @r AND state = 'Deprecated' ORDER BY entered_state_at DESC, id DESC", transaction)
                    .With("@r", repository).ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                return new RepositoryContext(repository, active, deprecated);
            },
            cancellationToken);
    }
}
