namespace Vivido.Core.Storage;

/// <summary>The outcome of a registration.</summary>
/// <param name="Image">The stored image: the new one, or the existing one unchanged.</param>
/// <param name="Created">False when the digest was already registered (nothing was written).</param>
public sealed record RegistrationResult(ImageRecord Image, bool Created);
