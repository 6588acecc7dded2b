using Vivido.Core.Admission;

namespace Vivido.Core.Admitting;

/// <summary>The AdmissionReview to answer with, and what was decided (null for a malformed review).</summary>
/// <param name="Response">The AdmissionReview response document.</param>
/// <param name="Allowed">Whether the workload is admitted.</param>
/// <param name="Decision">The decision, when the review could be read.</param>
/// <param name="BrokeGlass">Whether the break-glass annotation admitted a workload the rules deny.</param>
public sealed record AdmissionOutcome(byte[] Response, bool Allowed, AdmissionDecision? Decision, bool BrokeGlass);
