using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>A recorded veto.</summary>
/// <param name="Image">The image after the veto (vetoed, and quarantined when the lifecycle allowed it).</param>
/// <param name="Transition">The history entry of the move to Quarantined; null when the image was already there, the lifecycle has no such move from its state, or the move was refused (the refusal is in history).</param>
public sealed record VetoResult(ImageRecord Image, HistoryEntry? Transition);
