using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Core.Bundles;

/// <summary>Everything an evidence bundle holds about one digest.</summary>
/// <param name="Image">The image as stored.</param>
/// <param name="Facts">Its normalised facts.</param>
/// <param name="History">The digest's history entries, in seq order.</param>
/// <param name="Evidence">Its evidence, each with its raw document when one was kept.</param>
/// <param name="CreatedAt">When the bundle was made; also the time of every tar entry.</param>
public sealed record BundleContents(
    ImageRecord Image,
    ImageFacts Facts,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<BundleEvidence> Evidence,
    DateTimeOffset CreatedAt);
