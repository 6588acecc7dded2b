namespace Vivido.Core.Storage;

/// <summary>A stay of one image in one state, from history: entered at <paramref name="From"/>, left at <paramref name="To"/> (null while it stays).</summary>
public sealed record StateSpan(string Digest, string State, DateTimeOffset From, DateTimeOffset? To);
