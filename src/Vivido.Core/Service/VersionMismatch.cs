namespace Vivido.Core.Service;

/// <summary>Another writer changed the image first, or <c>If-Match</c> named an old version (HTTP 409, CLI exit 4).</summary>
/// <param name="Message">One line for people.</param>
/// <param name="Digest">The image.</param>
/// <param name="CurrentVersion">The image's version now, when known.</param>
public sealed record VersionMismatch(string Message, string Digest, long? CurrentVersion) : ServiceFailure(Message);
