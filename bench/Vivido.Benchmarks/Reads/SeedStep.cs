namespace Vivido.Benchmarks.Reads;

/// <summary>One accepted transition in a seeded image's past, <paramref name="After"/> its registration.</summary>
internal sealed record SeedStep(string Event, string From, string To, string Actor, TimeSpan After);
