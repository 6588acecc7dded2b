using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

// A claim is an idempotency row with status 0 (see IdempotencyColumns).
public sealed partial class PostgresStore
{
    // $1 token, $2 key, $3 request hash, $4 at, $5 abandoned cutoff: inserts a claim, or takes over one abandoned at or before the cutoff.
    private const string Claim =
        $"INSERT INTO idempotency ({IdempotencyColumns.List}) VALUES ($1, $2, $3, 0, '', $4) " +
        "ON CONFLICT (token_name, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at " +
        "WHERE idempotency.status = 0 AND idempotency.created_at <= $5 RETURNING request_hash";

    // Completes a claim or inserts; a completed result is never replaced (the first one wins).
    private const string Save =
        $"INSERT INTO idempotency ({IdempotencyColumns.List}) VALUES ($1, $2, $3, $4, $5, $6) " +
        "ON CONFLICT (token_name, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, " +
        "body = EXCLUDED.body, created_at = EXCLUDED.created_at WHERE idempotency.status = 0";

    private const string FindRow = $"SELECT {IdempotencyColumns.List} FROM idempotency WHERE token_name = $1 AND key = $2";

    /// <inheritdoc />
    public async Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(
        string tokenName, string key, string requestHash, DateTimeOffset at, TimeSpan abandonAfter, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireClaim(tokenName, key, requestHash, abandonAfter);
        while (true)
        {
            var claim = await _database.ExecuteAsync(
                async connection =>
                {
                    var batch = new NpgsqlBatch(connection);
                    await using (batch.ConfigureAwait(false))
                    {
                        // One implicit transaction: the claim attempt and, when it lost, the row that beat it.
                        batch.Add(Claim).With(tokenName).With(key).With(requestHash).WithTime(at).WithTime(HistoryChain.Normalize(at) - abandonAfter);
                        batch.Add(FindRow).With(tokenName).With(key);
                        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            var claimed = await reader.RowsAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                            await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                            var row = await reader.FirstRowAsync(MapIdempotency, cancellationToken).ConfigureAwait(false);
                            return claimed.Count > 0
                                ? new IdempotencyClaim(IdempotencyOutcome.Claimed, null, requestHash)
                                : row switch
                                {
                                    null => null,
                                    { Status: not 0 } => new IdempotencyClaim(IdempotencyOutcome.Completed, row, row.RequestHash),
                                    _ => new IdempotencyClaim(IdempotencyOutcome.InProgress, null, row.RequestHash),
                                };
                        }
                    }
                },
                cancellationToken).ConfigureAwait(false);

            // Null only when the claim that beat this one was released in between: try again.
            if (claim is not null)
            {
                return claim;
            }
        }
    }

    /// <inheritdoc />
    public Task ReleaseIdempotencyKeyAsync(string tokenName, string key, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireIdempotencyKey(tokenName, key);
        return _database.ExecuteAsync(
            connection => connection.Command("DELETE FROM idempotency WHERE token_name = $1 AND key = $2 AND status = 0")
                .With(tokenName).With(key).ExecuteAsync(cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IdempotentResult?> FindIdempotentResultAsync(string tokenName, string key, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireIdempotencyKey(tokenName, key);
        return _database.ReadAsync(
            connection => connection.Command(FindRow + " AND status <> 0").With(tokenName).With(key).FirstOrDefaultAsync(MapIdempotency, cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IdempotentResult> SaveIdempotentResultAsync(IdempotentResult result, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireResult(result);
        return _database.ExecuteAsync(
            async connection =>
            {
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add(Save).With(result.TokenName).With(result.Key).With(result.RequestHash).With((long)result.Status).With(result.Body).WithTime(result.CreatedAt);
                    batch.Add(FindRow).With(result.TokenName).With(result.Key);
                    var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.FirstRowAsync(MapIdempotency, cancellationToken).ConfigureAwait(false)
                            ?? throw new InvalidOperationException("the saved idempotent result did not read back");
                    }
                }
            },
            cancellationToken);
    }

    private static IdempotentResult MapIdempotency(NpgsqlDataReader r) => IdempotencyColumns.Read(r, PostgresTimeReader.Instance);
}
