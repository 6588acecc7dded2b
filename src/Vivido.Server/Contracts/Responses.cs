namespace Vivido.Server.Contracts;

// Response documents; docs/api.md shows each one.

/// <summary>An image: <c>{digest, repository, state, version, enteredStateAt, tags, attributes, ...}</c>.</summary>
internal sealed record ImageDto(
    string Digest,
    string Repository,
    string State,
    long Version,
    DateTimeOffset EnteredStateAt,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    bool Vetoed,
    DateTimeOffset RegisteredAt);

/// <summary>A history entry: <c>{seq, digest, event, from, to, actor, reason, at, kind, hash, ...}</c>.</summary>
internal sealed record HistoryEntryDto(
    long Seq,
    string Digest,
    string Event,
    string? From,
    string? To,
    string Actor,
    string? Reason,
    IReadOnlyDictionary<string, string> Params,
    DateTimeOffset At,
    string Kind,
    string? Detail,
    string PrevHash,
    string Hash);

/// <summary>A committed transition: the image after it, its entry, and entries of images its effects moved.</summary>
internal sealed record TransitionDto(ImageDto Image, HistoryEntryDto Transition, IReadOnlyList<HistoryEntryDto> Effects);

/// <summary>A page of images; pass <c>nextCursor</c> as <c>cursor</c> for the next one.</summary>
internal sealed record ImagePageDto(IReadOnlyList<ImageDto> Items, string? NextCursor);

/// <summary>A complete (unpaged) list.</summary>
internal sealed record ListDto<T>(IReadOnlyList<T> Items);

/// <summary>A page of the audit log; pass <c>next</c> as <c>since</c> for the next one.</summary>
internal sealed record AuditPageDto(IReadOnlyList<HistoryEntryDto> Items, long? Next);

/// <summary><c>GET /api/v1/audit/verify</c>.</summary>
internal sealed record AuditVerifyDto(bool Ok, long Entries, long? FirstBadSeq);

/// <summary>A tag's current target.</summary>
internal sealed record TagDto(string Repository, string Tag, string Digest, DateTimeOffset MovedAt, string MovedBy);

/// <summary>A recorded tag move.</summary>
internal sealed record TagMoveDto(long Id, string Repository, string Tag, string? FromDigest, string ToDigest, string Actor, DateTimeOffset At);

/// <summary>A recorded approval.</summary>
internal sealed record ApprovalDto(string Digest, string Actor, string Role, string? Comment, DateTimeOffset At);

/// <summary>A recorded veto and the move to Quarantined, when there was one.</summary>
internal sealed record VetoDto(ImageDto Image, HistoryEntryDto? Transition);

/// <summary>A two-admin override and where it stands.</summary>
internal sealed record PendingOverrideDto(
    long Id,
    string Digest,
    string FromState,
    string ToState,
    long ExpectedVersion,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Status,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolutionReason);

/// <summary>A token, without its secret or hash.</summary>
internal sealed record TokenDto(
    string Name,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Repositories,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt);

/// <summary>A new token and its secret, shown this once.</summary>
internal sealed record TokenCreatedDto(TokenDto Token, string Secret);

/// <summary><c>/healthz</c> and <c>/readyz</c>.</summary>
internal sealed record HealthDto(string Status);
