using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>A committed transition: the image after it, its history entry, and the entries of images its effects moved.</summary>
/// <param name="Image">The image after the commit.</param>
/// <param name="Transition">The image's new history entry.</param>
/// <param name="Effects">Entries of the repository's other images moved in the same transaction (e.g. superseded).</param>
public sealed record TransitionResult(ImageRecord Image, HistoryEntry Transition, IReadOnlyList<HistoryEntry> Effects);
