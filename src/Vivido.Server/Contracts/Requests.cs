namespace Vivido.Server.Contracts;

// Request bodies. Every field is nullable so a missing one reaches the service, which names it in a 400.

/// <summary><c>POST /api/v1/images</c>.</summary>
internal sealed record RegisterImageBody(
    string? Repository, string? Digest, IReadOnlyList<string>? Tags, IReadOnlyDictionary<string, string>? Attributes, string? Entry = null);

/// <summary><c>POST /api/v1/images/{digest}/events</c>.</summary>
internal sealed record EventBody(string? Event, string? Reason, IReadOnlyDictionary<string, string>? Params);

/// <summary><c>POST /api/v1/images/{digest}/override</c>.</summary>
internal sealed record OverrideBody(string? To, string? Reason);

/// <summary><c>POST /api/v1/images/{digest}/override/reject</c> and <c>POST /api/v1/images/{digest}/veto</c>.</summary>
internal sealed record ReasonBody(string? Reason);

/// <summary><c>POST /api/v1/images/{digest}/approvals</c>.</summary>
internal sealed record ApprovalBody(string? Role, string? Comment);

/// <summary><c>POST /api/v1/rollbacks</c>.</summary>
internal sealed record RollbackBody(string? Repository, string? ToDigest, string? Reason, IReadOnlyDictionary<string, string>? Params);

/// <summary><c>PUT /api/v1/tags</c>.</summary>
internal sealed record TagBody(string? Repository, string? Tag, string? Digest);

/// <summary><c>POST /api/v1/tokens</c>.</summary>
internal sealed record TokenBody(string? Name, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Repositories);
