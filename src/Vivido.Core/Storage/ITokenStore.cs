namespace Vivido.Core.Storage;

/// <summary>API tokens, kept as SHA-256 hashes only.</summary>
public interface ITokenStore
{
    /// <summary>Stores the token. False when an unrevoked token has the same name or the same hash.</summary>
    Task<bool> CreateTokenAsync(TokenRecord token, CancellationToken cancellationToken = default);

    /// <summary>The unrevoked token with this hash, or null.</summary>
    Task<TokenRecord?> FindTokenAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>Every token, revoked ones included, by creation.</summary>
    Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes the unrevoked token with this name. False when there is none.</summary>
    Task<bool> RevokeTokenAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default);
}
