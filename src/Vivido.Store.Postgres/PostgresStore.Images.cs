using System.Globalization;
using System.Text;
using Npgsql;
using Vivido.Core.Engine;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    private const string InsertImage =
        "INSERT INTO images (digest, repository, state, version, entered_state_at, registered_at, attributes, vetoed, exclusive) " +
        "VALUES ($1, $2, $3, 1, $4, $4, $5, false, false)";

    /// <inheritdoc />
    public Task<RegistrationResult> RegisterImageAsync(ImageRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return _database.WriteAsync(
            async transaction =>
            {
                ChainWriter chain;
                StoredImage? existing;
                var load = transaction.Batch();
                await using (load.ConfigureAwait(false))
                {
                    load.Add(ChainWriter.LockHead);
                    load.Add(ImageRows.SelectByDigest).With(registration.Digest);
                    var reader = await transaction.ReadAsync(load, cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        chain = await ChainWriter.ReadHeadAsync(reader, cancellationToken).ConfigureAwait(false);
                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        existing = await reader.FirstRowAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (existing is not null)
                {
                    return new RegistrationResult(existing.Image, Created: false);
                }

                var write = transaction.Batch();
                await using (write.ConfigureAwait(false))
                {
                    write.Add(InsertImage).With(registration.Digest).With(registration.Repository).With(registration.InitialState)
                        .WithTime(registration.At).With(JsonColumns.Map(registration.Attributes));
                    chain.AppendForDigest(write, HistoryDrafts.Registration(registration));
                    foreach (var tag in registration.Tags.Distinct(StringComparer.Ordinal))
                    {
                        TagRows.AddMove(write, registration.Repository, tag, registration.Digest, registration.Actor, registration.At);
                    }

                    chain.MoveHead(write);
                    await transaction.ExecuteAsync(write, commit: true, cancellationToken).ConfigureAwait(false);
                    var at = HistoryChain.Normalize(registration.At);
                    var image = new ImageRecord(
                        registration.Digest, registration.Repository, registration.InitialState, 1, at,
                        registration.Tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                        new Dictionary<string, string>(registration.Attributes, StringComparer.Ordinal), Vetoed: false, at);
                    return new RegistrationResult(image, Created: true);
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageRecord?> LoadImageAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync(
            async connection => (await ImageRows.FindAsync(connection, digest, cancellationToken).ConfigureAwait(false))?.Image,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageSnapshot?> LoadSnapshotAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync(
            async connection =>
            {
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add(ImageRows.SelectByDigest).With(digest);
                    foreach (var query in FactRows.Queries)
                    {
                        batch.Add(query).With(digest);
                    }

                    var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        var stored = await reader.FirstRowAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                        if (stored is null)
                        {
                            return null;
                        }

                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        return stored.ToSnapshot(await FactRows.ReadAsync(reader, cancellationToken).ConfigureAwait(false));
                    }
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImagePage> ListImagesAsync(ImageQuery query, CancellationToken cancellationToken = default)
    {
        var afterId = ImagePaging.Start(query);
        return _database.ReadAsync(
            async connection =>
            {
                var command = connection.Command(string.Empty).With(afterId).With((long)query.Limit + 1);
                var sql = new StringBuilder($"SELECT {ImageRows.Columns} FROM images i WHERE i.id > $1");
                void Filter(string condition, object value)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                    sql.Append(" AND ").Append(condition.Replace("$?", "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                }

                if (query.State is not null)
                {
                    Filter("i.state = $?", query.State);
                }

                if (query.Repository is not null)
                {
                    Filter("i.repository = $?", query.Repository);
                }

                if (query.Tag is not null)
                {
                    Filter("EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id AND t.tag = $?)", query.Tag);
                }

                if (query.InStateLongerThan is { } age)
                {
                    Filter("i.entered_state_at <= $?", HistoryChain.Normalize(query.Now!.Value - age));
                }

                command.CommandText = sql.Append(" ORDER BY i.id LIMIT $2").ToString();
                var rows = await command.ListAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                var (page, next) = ImagePaging.Take(rows, query.Limit);
                return new ImagePage(page.Select(s => s.Image).ToList(), next);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RepositoryContext> LoadRepositoryContextAsync(string repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync(
            async connection =>
            {
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add("SELECT digest FROM images WHERE repository = $1 AND state = 'Active' ORDER BY entered_state_at, id").With(repository);
                    batch.Add("SELECT digest FROM images WHERE repository = $1 AND state = 'Deprecated' ORDER BY entered_state_at DESC, id DESC").With(repository);
                    var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        var active = await reader.RowsAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        var deprecated = await reader.RowsAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                        return new RepositoryContext(repository, active, deprecated);
                    }
                }
            },
            cancellationToken);
    }
}
