namespace Vivido.Core.Storage;

/// <summary>The transition was written.</summary>
/// <param name="Entry">The image's new history entry.</param>
/// <param name="Image">The image after the commit.</param>
/// <param name="EffectEntries">One entry per other image moved by the commit's effects, in seq order.</param>
public sealed record Committed(HistoryEntry Entry, ImageRecord Image, IReadOnlyList<HistoryEntry> EffectEntries) : CommitResult;
