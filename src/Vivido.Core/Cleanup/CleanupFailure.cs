namespace Vivido.Core.Cleanup;

/// <summary>A planned deletion that did not happen; the image stays recorded as not deleted.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Repository">Its repository.</param>
/// <param name="Error">Why, in one line (the registry's answer, or the image changed meanwhile).</param>
public sealed record CleanupFailure(string Digest, string Repository, string Error);
