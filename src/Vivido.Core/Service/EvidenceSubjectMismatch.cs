namespace Vivido.Core.Service;

/// <summary>The document is about other digests than the image it was posted to (HTTP 409).</summary>
/// <param name="Message">One line naming both.</param>
/// <param name="Digest">The image it was posted to.</param>
/// <param name="Subjects">The digests the document names.</param>
public sealed record EvidenceSubjectMismatch(string Message, string Digest, IReadOnlyList<string> Subjects) : ServiceFailure(Message);
