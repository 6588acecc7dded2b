using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>An override either committed (one confirmation, or the second admin's) or recorded as pending.</summary>
/// <param name="Committed">The committed transition (history kind override); null while pending.</param>
/// <param name="Pending">The override awaiting a second, different admin; null once committed.</param>
public sealed record OverrideOutcome(TransitionResult? Committed, PendingOverride? Pending);
