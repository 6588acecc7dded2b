namespace Vivido.Core.Service;

/// <summary>No Deprecated digest of the repository passes the rollback guards (HTTP 422, CLI exit 3).</summary>
/// <param name="Message">One line for people.</param>
/// <param name="Repository">The repository.</param>
/// <param name="Candidates">Every candidate considered, most recently deprecated first, with its unmet guards.</param>
public sealed record NoRollbackCandidate(string Message, string Repository, IReadOnlyList<CandidateRefusal> Candidates)
    : ServiceFailure(Message);
