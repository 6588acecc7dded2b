namespace Vivido.Registry;

/// <summary>A manifest as the registry served it: the raw bytes (hashing them gives <see cref="Digest"/>), its media type and digest.</summary>
public sealed record ManifestContent(string MediaType, string Digest, byte[] Bytes);
