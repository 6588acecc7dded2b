namespace Vivido.Core.Admitting;

/// <summary>The admission decision for one image in one namespace, for deploy tools outside Kubernetes.</summary>
/// <param name="Image">The image as given.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="Allowed">Whether it may run there.</param>
/// <param name="Digest">The digest it resolved to, if it did.</param>
/// <param name="State">That digest's state, if it is registered.</param>
/// <param name="Reason">Why it is denied (image, state and rule); null when allowed.</param>
/// <param name="Warnings">Warnings, e.g. a tag-only reference.</param>
public sealed record CheckResult(string Image, string Namespace, bool Allowed, string? Digest, string? State, string? Reason, IReadOnlyList<string> Warnings);
