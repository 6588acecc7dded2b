namespace Vivido.Core.Evidence;

/// <summary>What importing an evidence bundle did.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Repository">Its repository.</param>
/// <param name="Registered">Whether the image was new here (registered through the lifecycle's <c>import</c> entry).</param>
/// <param name="Imported">Evidence entries attached.</param>
/// <param name="Skipped">Entries already attached here (same kind and same raw document or fact).</param>
public sealed record BundleImported(string Digest, string Repository, bool Registered, int Imported, int Skipped);
