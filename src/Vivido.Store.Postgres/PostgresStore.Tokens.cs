using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<bool> CreateTokenAsync(TokenRecord token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);

        // The unique indexes (hash; name among unrevoked tokens) decide atomically, whoever inserts at the same time.
        return _database.ExecuteAsync(
            async connection => await connection.Command($"INSERT INTO tokens ({TokenColumns.List}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING")
                .With(token.Name).With(token.Hash).With(JsonColumns.List(token.Roles)).With(JsonColumns.List(token.RepositoryPatterns))
                .WithTime(token.CreatedAt).With(token.CreatedBy).WithTime(token.RevokedAt)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TokenRecord?> FindTokenAsync(string hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return _database.ReadAsync(
            connection => connection.Command($"SELECT {TokenColumns.List} FROM tokens WHERE hash = $1 AND revoked_at IS NULL")
                .With(hash).FirstOrDefaultAsync(MapToken, cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<TokenRecord>>(
            async connection => await connection.Command($"SELECT {TokenColumns.List} FROM tokens ORDER BY id")
                .ListAsync(MapToken, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeTokenAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _database.ExecuteAsync(
            async connection => await connection.Command("UPDATE tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL")
                .WithTime(at).With(name).ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    private static TokenRecord MapToken(NpgsqlDataReader r) => TokenColumns.Read(r, PostgresTimeReader.Instance);
}
