namespace Vivido.Core.Storage;

/// <summary>An approval of a digest by a person acting in a role.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Actor">The approver's token name.</param>
/// <param name="Role">The role approved as, e.g. <c>release-manager</c>, <c>security</c>.</param>
/// <param name="Comment">Optional comment.</param>
/// <param name="At">When.</param>
public sealed record ApprovalRecord(string Digest, string Actor, string Role, string? Comment, DateTimeOffset At);
