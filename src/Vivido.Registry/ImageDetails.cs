namespace Vivido.Registry;

/// <summary>What a manifest and its config say about an image (for an index: its linux/amd64 image, else its first).</summary>
/// <param name="Digest">The digest asked for (the index's when it was one).</param>
/// <param name="MediaType">The media type of that manifest.</param>
/// <param name="Size">Config plus layers, in bytes, of the chosen image.</param>
/// <param name="Os">The platform OS from the config, when present.</param>
/// <param name="Architecture">The platform architecture from the config, when present.</param>
/// <param name="Created">The config's creation time, when present.</param>
/// <param name="Labels">The config's labels.</param>
public sealed record ImageDetails(
    string Digest,
    string MediaType,
    long Size,
    string? Os,
    string? Architecture,
    DateTimeOffset? Created,
    IReadOnlyDictionary<string, string> Labels);
