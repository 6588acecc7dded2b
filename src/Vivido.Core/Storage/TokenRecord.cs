namespace Vivido.Core.Storage;

/// <summary>An API token as stored: its SHA-256 hash, never the token itself.</summary>
/// <param name="Name">The identity recorded as actor; unique among unrevoked tokens.</param>
/// <param name="Hash">Lowercase hex SHA-256 of the raw token (see <see cref="TokenHasher"/>).</param>
/// <param name="Roles">reader, ci, scanner, deployer, approver, admin.</param>
/// <param name="RepositoryPatterns">Repository patterns such as <c>team-a/*</c>; empty means every repository.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="RevokedAt">When revoked; null while valid.</param>
public sealed record TokenRecord(
    string Name,
    string Hash,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> RepositoryPatterns,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt = null);
