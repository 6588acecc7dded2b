namespace Vivido.Core.Images;

/// <summary>An attached software bill of materials.</summary>
/// <param name="Format">E.g. <c>cyclonedx</c> or <c>spdx</c>.</param>
/// <param name="Components">Number of components listed.</param>
/// <param name="At">When it was attached.</param>
public sealed record SbomFact(string Format, int Components, DateTimeOffset At)
{
    /// <summary>The format's version (<c>1.6</c>, <c>SPDX-2.3</c>).</summary>
    public string? SpecVersion { get; init; }

    /// <summary>The tool that produced it, when given.</summary>
    public string? Tool { get; init; }
}
