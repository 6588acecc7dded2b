using System.Collections.Concurrent;
using System.Security.Cryptography;
using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>API tokens: created with a random secret, stored as its SHA-256 hash, looked up by hash.</summary>
public sealed class TokenService
{
    /// <summary>The name of the token created on first start.</summary>
    public const string BootstrapName = "admin";

    /// <summary>The shortest secret accepted from VIVIDO_BOOTSTRAP_TOKEN.</summary>
    public const int MinSecretLength = 16;

    private const int MaxSecretLength = 512;
    private const string SecretPrefix = "vvd_";

    /// <summary>
    /// How long an authenticated token is trusted without asking the store again. A revocation on this
    /// replica takes effect at once; on another replica within this time (as Kubernetes' own token
    /// caches do, with longer times).
    /// </summary>
    public static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(1);

    private const int MaxCachedTokens = 10_000;

    private readonly IVividoStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> _recent = new(StringComparer.Ordinal);

    public TokenService(IVividoStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>The caller a bearer secret belongs to; null for an unknown or revoked token.</summary>
    public async Task<Caller?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > MaxSecretLength)
        {
            return null;
        }

        var hash = TokenHasher.Hash(secret);
        var now = _time.GetUtcNow();
        if (_recent.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Caller;
        }

        var token = await _store.FindTokenAsync(hash, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return null;
        }

        if (_recent.Count >= MaxCachedTokens)
        {
            _recent.Clear();
        }

        var caller = new Caller(token.Name, token.Roles, token.RepositoryPatterns);
        _recent[hash] = (caller, now + CacheTtl);
        return caller;
    }

    /// <summary>
    /// On first start (no token at all), creates the admin token from <paramref name="configuredSecret"/>
    /// or a generated one and returns the secret; returns null when tokens already exist.
    /// </summary>
    public async Task<string?> BootstrapAsync(string? configuredSecret, CancellationToken cancellationToken = default)
    {
        if (configuredSecret is not null && configuredSecret.Trim().Length is < MinSecretLength or > MaxSecretLength)
        {
            throw new ArgumentException($"the bootstrap token must be {MinSecretLength} to {MaxSecretLength} characters", nameof(configuredSecret));
        }

        var existing = await _store.ListTokensAsync(cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            return null;
        }

        var secret = configuredSecret?.Trim() ?? NewSecret();
        var token = new TokenRecord(BootstrapName, TokenHasher.Hash(secret), [Roles.Admin], [], _time.GetUtcNow(), "bootstrap");
        if (await _store.CreateTokenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return secret;
        }

        // Replicas starting together on an empty database race here: the one whose token was stored wins.
        return (await _store.ListTokensAsync(cancellationToken).ConfigureAwait(false)).Count > 0
            ? null
            : throw new InvalidOperationException("the bootstrap admin token could not be stored");
    }

    /// <summary>Creates a token with a fresh random secret.</summary>
    public async Task<ServiceResult<TokenCreated>> CreateAsync(
        Caller caller, string? name, IReadOnlyList<string>? roles, IReadOnlyList<string>? repositories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ServiceFailure? bad = Scope(caller);
        bad ??= name is null ? new InvalidInput("name", "'name' is required")
            : Names.IsTokenName(name) ? null
            : new InvalidInput("name", "'name' must be 1-64 letters, digits, '.', '_', '-' or '@'");
        bad ??= CheckRoles(roles) ?? CheckPatterns(repositories);
        if (bad is not null)
        {
            return bad;
        }

        var secret = NewSecret();
        var token = new TokenRecord(
            name!, TokenHasher.Hash(secret), roles!.Distinct(StringComparer.Ordinal).ToList(), (repositories ?? []).Distinct(StringComparer.Ordinal).ToList(), _time.GetUtcNow(), caller.Name);
        return await _store.CreateTokenAsync(token, cancellationToken).ConfigureAwait(false)
            ? new TokenCreated(token, secret)
            : new StateConflict($"a token named {name} already exists");
    }

    /// <summary>Every token, revoked ones included.</summary>
    public async Task<ServiceResult<IReadOnlyList<TokenRecord>>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Scope(caller) is { } denied
            ? denied
            : ServiceResult<IReadOnlyList<TokenRecord>>.FromValue(await _store.ListTokensAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Revokes the token named <paramref name="name"/>; it stops authenticating at once.</summary>
    public async Task<ServiceResult<TokenRecord>> RevokeAsync(Caller caller, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Scope(caller) is { } denied)
        {
            return denied;
        }

        if (!Names.IsTokenName(name))
        {
            return new InvalidInput("name", "'name' must be 1-64 letters, digits, '.', '_', '-' or '@'");
        }

        var now = _time.GetUtcNow();
        var current = (await _store.ListTokensAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Name == name && t.RevokedAt is null);
        if (current is null || !await _store.RevokeTokenAsync(name!, now, cancellationToken).ConfigureAwait(false))
        {
            return new ResourceNotFound($"no active token is named {name}");
        }

        _recent.Clear();

        return current with { RevokedAt = now };
    }

    private static AccessDenied? Scope(Caller caller) =>
        caller.IsUnscoped ? null : new AccessDenied("managing tokens needs an admin token not limited to repositories");

    private static InvalidInput? CheckRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            return new InvalidInput("roles", $"'roles' needs at least one of {string.Join(", ", Roles.All)}");
        }

        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] is null || !Roles.IsKnown(roles[i]))
            {
                return new InvalidInput($"roles[{i}]", $"unknown role '{roles[i]}'; use {string.Join(", ", Roles.All)}");
            }
        }

        return null;
    }

    private static InvalidInput? CheckPatterns(IReadOnlyList<string>? patterns)
    {
        if (patterns is null)
        {
            return null;
        }

        if (patterns.Count > Names.MaxEntries)
        {
            return new InvalidInput("repositories", $"'repositories' has more than {Names.MaxEntries} entries");
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i] is null || !RepositoryPattern.IsValid(patterns[i]))
            {
                return new InvalidInput($"repositories[{i}]", $"'{patterns[i]}' is not a repository pattern (repository characters and '*')");
            }
        }

        return null;
    }

    private static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
