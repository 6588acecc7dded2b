namespace Vivido.Core.Images;

/// <summary>An attached software bill of materials.</summary>
/// <param name="Format">E.g. <c>cyclonedx</c> or <c>spdx</c>.</param>
/// <param name="Components">Number of components listed.</param>
/// <param name="At">When it was attached.</param>
public sealed record SbomFact(string Format, int Components, DateTimeOffset At);
