using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
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
                        $"INSERT INTO tokens ({TokenColumns.List}) VALUES (@name, @hash, @roles, @patterns, @at, @by, @revoked)", transaction)
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
                .Command($"SELECT {TokenColumns.List} FROM tokens WHERE hash = @hash AND revoked_at IS NULL", transaction)
                .With("@hash", hash).FirstOrDefaultAsync(MapToken, cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<TokenRecord>>(
            async (connection, transaction) => await connection.Command($"SELECT {TokenColumns.List} FROM tokens ORDER BY id", transaction)
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

    private static TokenRecord MapToken(SqliteDataReader r) => TokenColumns.Read(r, SqliteTimeReader.Instance);
}
