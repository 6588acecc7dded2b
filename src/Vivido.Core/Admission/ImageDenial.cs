namespace Vivido.Core.Admission;

/// <summary>One image an admission decision refuses.</summary>
/// <param name="Container">The container's name.</param>
/// <param name="Image">The image as written.</param>
/// <param name="Digest">The digest it resolved to, or null.</param>
/// <param name="State">The digest's state, or null.</param>
/// <param name="Reason">One line naming the container, the image, its state or problem, and the rule.</param>
public sealed record ImageDenial(string Container, string Image, string? Digest, string? State, string Reason);
