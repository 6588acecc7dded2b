using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

// A claim is an idempotency row with status 0 (see IdempotencyColumns).
public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(
        string tokenName, string key, string requestHash, DateTimeOffset at, TimeSpan abandonAfter, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireClaim(tokenName, key, requestHash, abandonAfter);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var row = await FindIdempotencyRowAsync(connection, transaction, tokenName, key, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    await connection.Command(
                            $"INSERT INTO idempotency ({IdempotencyColumns.List}) VALUES (@token, @key, @hash, 0, '', @at)", transaction)
                        .With("@token", tokenName).With("@key", key).With("@hash", requestHash).With("@at", Micros.FromTime(at))
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return new IdempotencyClaim(IdempotencyOutcome.Claimed, null, requestHash);
                }

                if (row.Status != 0)
                {
                    return new IdempotencyClaim(IdempotencyOutcome.Completed, row, row.RequestHash);
                }

                if (row.CreatedAt + abandonAfter > at)
                {
                    return new IdempotencyClaim(IdempotencyOutcome.InProgress, null, row.RequestHash);
                }

                // The claimant died (or hung) before completing: the key is taken over.
                await connection.Command(
                        "UPDATE idempotency SET request_hash = @hash, created_at = @at WHERE token_name = @token AND key = @key AND status = 0", transaction)
                    .With("@token", tokenName).With("@key", key).With("@hash", requestHash).With("@at", Micros.FromTime(at))
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return new IdempotencyClaim(IdempotencyOutcome.Claimed, null, requestHash);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseIdempotencyKeyAsync(string tokenName, string key, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireIdempotencyKey(tokenName, key);
        return _database.WriteAsync(
            (connection, transaction) => connection.Command("DELETE FROM idempotency WHERE token_name = @token AND key = @key AND status = 0", transaction)
                .With("@token", tokenName).With("@key", key).ExecuteAsync(cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IdempotentResult?> FindIdempotentResultAsync(string tokenName, string key, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireIdempotencyKey(tokenName, key);
        return _database.ReadAsync(
            async (connection, transaction) =>
                await FindIdempotencyRowAsync(connection, transaction, tokenName, key, cancellationToken).ConfigureAwait(false) is { Status: not 0 } result
                    ? result
                    : null,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IdempotentResult> SaveIdempotentResultAsync(IdempotentResult result, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireResult(result);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.Command(
                        $"INSERT INTO idempotency ({IdempotencyColumns.List}) VALUES (@token, @key, @hash, @status, @body, @at) " +
                        "ON CONFLICT (token_name, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status, " +
                        "body = excluded.body, created_at = excluded.created_at WHERE idempotency.status = 0",
                        transaction)
                    .With("@token", result.TokenName).With("@key", result.Key).With("@hash", result.RequestHash).With("@status", result.Status)
                    .With("@body", result.Body).With("@at", Micros.FromTime(result.CreatedAt)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return (await FindIdempotencyRowAsync(connection, transaction, result.TokenName, result.Key, cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken);
    }

    private static Task<IdempotentResult?> FindIdempotencyRowAsync(
        SqliteConnection connection, SqliteTransaction transaction, string tokenName, string key, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {IdempotencyColumns.List} FROM idempotency WHERE token_name = @token AND key = @key", transaction)
            .With("@token", tokenName).With("@key", key)
            .FirstOrDefaultAsync(r => IdempotencyColumns.Read(r, SqliteTimeReader.Instance), cancellationToken);
}
