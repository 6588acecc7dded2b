namespace Vivido.Core.Images;

/// <summary>An approval given by <paramref name="Actor"/> acting as <paramref name="Role"/>.</summary>
public sealed record ApprovalFact(string Actor, string Role, string? Comment, DateTimeOffset At);
