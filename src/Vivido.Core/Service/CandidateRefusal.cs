using Vivido.Core.Engine;

namespace Vivido.Core.Service;

/// <summary>A Deprecated digest a rollback could not go back to, and the guards that refused it.</summary>
public sealed record CandidateRefusal(string Digest, IReadOnlyList<UnmetGuard> Unmet);
