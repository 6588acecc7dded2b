using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>A background-work lease and whether it still stands.</summary>
/// <param name="Lease">The stored lease.</param>
/// <param name="Active">True while it has not expired: its holder is (or was just) doing the work.</param>
public sealed record LeaseStatus(Lease Lease, bool Active);
