using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    private const string TokenColumns = "name, hash, roles, repository_patterns, created_at, created_by, revoked_at";

    /// <inheritdoc />
    public Task<bool> CreateTokenAsync(TokenRecord token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var clash = await connection.Command("SELECT 1 FROM tokens WHERE hash = @hash OR (name = @name AND revoked_at IS NULL)", transaction)
                    .With("@hash", token.Hash).With("@name", token.Name).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                if (clash is not null)
                {
                    return false;
                }

                await connection.Command(
                        $"INSERT INTO tokens ({TokenColumns}) VALUES (@name, @hash, @roles, @patterns, @at, @by, @revoked)", transaction)
                    .With("@name", token.Name).With("@hash", token.Hash).With("@roles", JsonColumns.List(token.Roles))
                    .With("@patterns", JsonColumns.List(token.RepositoryPatterns)).With("@at", Micros.FromTime(token.CreatedAt))
                    .With("@by", token.CreatedBy).With("@revoked", token.RevokedAt is { } r ? Micros.FromTime(r) : null)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TokenRecord?> FindTokenAsync(string hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return _database.ReadAsync(
            (connection, transaction) => connection
                .Command($"SELECT {TokenColumns} FROM tokens WHERE hash = @hash AND revoked_at IS NULL", transaction)
                .With("@hash", hash).FirstOrDefaultAsync(MapToken, cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<TokenRecord>>(
            async (connection, transaction) => await connection.Command($"SELECT {TokenColumns} FROM tokens ORDER BY id", transaction)
                .ListAsync(MapToken, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeTokenAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _database.WriteAsync(
            async (connection, transaction) => await connection
                .Command("UPDATE tokens SET revoked_at = @at WHERE name = @name AND revoked_at IS NULL", transaction)
                .With("@at", Micros.FromTime(at)).With("@name", name).ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IdempotentResult?> FindIdempotentResultAsync(string tokenName, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenName);
        ArgumentNullException.ThrowIfNull(key);
        return _database.ReadAsync(
            (connection, transaction) => FindIdempotentAsync(connection, transaction, tokenName, key, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IdempotentResult> SaveIdempotentResultAsync(IdempotentResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.Command(
                        "INSERT INTO idempotency (token_name, key, request_hash, status, body, created_at) VALUES (@token, @key, @hash, @status, @body, @at) " +
                        "ON CONFLICT (token_name, key) DO NOTHING",
                        transaction)
                    .With("@token", result.TokenName).With("@key", result.Key).With("@hash", result.RequestHash).With("@status", result.Status)
                    .With("@body", result.Body).With("@at", Micros.FromTime(result.CreatedAt)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return (await FindIdempotentAsync(connection, transaction, result.TokenName, result.Key, cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken);
    }

    private static Task<IdempotentResult?> FindIdempotentAsync(
        SqliteConnection connection, SqliteTransaction transaction, string tokenName, string key, CancellationToken cancellationToken) =>
        connection.Command("SELECT token_name, key, request_hash, status, body, created_at FROM idempotency WHERE token_name = @token AND key = @key", transaction)
            .With("@token", tokenName).With("@key", key)
            .FirstOrDefaultAsync(r => new IdempotentResult(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.Time(5)), cancellationToken);

    private static TokenRecord MapToken(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), JsonColumns.ParseList(r.GetString(2)), JsonColumns.ParseList(r.GetString(3)), r.Time(4), r.GetString(5), r.NullableTime(6));
}
