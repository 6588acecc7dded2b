using Vivido.Core.Engine;

namespace Vivido.Core.Service;

/// <summary>The authenticated token a request acts as: its name is the actor recorded in history.</summary>
/// <param name="Name">The token's name.</param>
/// <param name="Roles">The token's roles (see <see cref="Service.Roles"/>).</param>
/// <param name="RepositoryPatterns">Repository patterns the token is limited to; empty means every repository.</param>
public sealed record Caller(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> RepositoryPatterns)
{
    /// <summary>The actor the engine sees.</summary>
    public Actor ToActor() => new(Name, Roles);

    /// <summary>True when the token holds <paramref name="role"/>.</summary>
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>True when the token is not limited to some repositories.</summary>
    public bool IsUnscoped => RepositoryPatterns.Count == 0;

    /// <summary>True when <paramref name="repository"/> matches one of the token's patterns (or the token has none).</summary>
    public bool CanAccess(string repository) =>
        IsUnscoped || RepositoryPatterns.Any(pattern => RepositoryPattern.Matches(pattern, repository));
}
