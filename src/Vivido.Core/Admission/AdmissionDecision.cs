namespace Vivido.Core.Admission;

/// <summary>Whether a workload may run, and why.</summary>
/// <param name="Allowed">True when no image is denied.</param>
/// <param name="Denials">The refused images, in review order.</param>
/// <param name="Warnings">Things the user should fix even when allowed, e.g. tag-only references.</param>
/// <param name="Message">The denials' reasons joined with "; ", or a one-line summary when allowed.</param>
public sealed record AdmissionDecision(bool Allowed, IReadOnlyList<ImageDenial> Denials, IReadOnlyList<string> Warnings, string Message);
