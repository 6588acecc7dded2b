namespace Vivido.Core.Service;

/// <summary>The lifecycle has no such transition from the image's state (HTTP 422, CLI exit 3).</summary>
/// <param name="Message">One line for people.</param>
/// <param name="Digest">The image.</param>
/// <param name="State">Its state, unchanged.</param>
/// <param name="Event">The refused event.</param>
/// <param name="AllowedEvents">The events the state does accept.</param>
public sealed record EventNotAllowed(string Message, string Digest, string State, string Event, IReadOnlyList<string> AllowedEvents)
    : ServiceFailure(Message);
