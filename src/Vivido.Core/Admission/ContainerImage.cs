namespace Vivido.Core.Admission;

/// <summary>One container's image in a reviewed object.</summary>
/// <param name="Container">The container's name.</param>
/// <param name="Section"><c>containers</c>, <c>initContainers</c> or <c>ephemeralContainers</c>.</param>
/// <param name="Pointer">RFC 6901 pointer to the image field, e.g. <c>/spec/template/spec/containers/1/image</c>.</param>
/// <param name="Image">The image as written.</param>
/// <param name="Reference">The parsed reference, or null when <paramref name="Error"/> says why not.</param>
/// <param name="Error">Why the image is not a valid reference, or null.</param>
public sealed record ContainerImage(
    string Container,
    string Section,
    string Pointer,
    string Image,
    ImageReference? Reference,
    string? Error);
