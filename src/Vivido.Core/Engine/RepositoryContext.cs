namespace Vivido.Core.Engine;

/// <summary>What guards may know about the image's repository.</summary>
public sealed record RepositoryContext(string Name, IReadOnlyList<string> ActiveDigests, IReadOnlyList<string> DeprecatedDigests);
