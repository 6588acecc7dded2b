using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Core.Cleanup;

/// <summary>What the planner knows about one image.</summary>
/// <param name="Image">The image.</param>
/// <param name="Deployments">Where it runs (read for Retired images only).</param>
/// <param name="Deletion">The history entry recording its deletion, if any.</param>
internal sealed record CleanupInput(ImageRecord Image, IReadOnlyList<DeploymentFact> Deployments, HistoryEntry? Deletion);
