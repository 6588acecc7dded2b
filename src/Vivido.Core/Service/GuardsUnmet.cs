using Vivido.Core.Engine;

namespace Vivido.Core.Service;

/// <summary>The transition exists but the lifecycle's guards refuse it (HTTP 422, CLI exit 3).</summary>
/// <param name="Message">One line for people.</param>
/// <param name="Digest">The image.</param>
/// <param name="State">Its state, unchanged.</param>
/// <param name="Event">The refused event.</param>
/// <param name="Unmet">Every guard that did not hold.</param>
public sealed record GuardsUnmet(string Message, string Digest, string State, string Event, IReadOnlyList<UnmetGuard> Unmet)
    : ServiceFailure(Message);
