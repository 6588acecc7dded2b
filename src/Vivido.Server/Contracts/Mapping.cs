using Vivido.Core.Service;
using Vivido.Core.Storage;

namespace Vivido.Server.Contracts;

/// <summary>Core records to response documents.</summary>
internal static class Mapping
{
    public static ImageDto ToDto(this ImageRecord image) => new(
        image.Digest, image.Repository, image.State, image.Version, image.EnteredStateAt, image.Tags, image.Attributes, image.Vetoed, image.RegisteredAt);

    public static HistoryEntryDto ToDto(this HistoryEntry entry) => new(
        entry.Seq, entry.Digest, entry.Event, entry.From, entry.To, entry.Actor, entry.Reason, entry.Params, entry.At,
        entry.Kind.ToName(), entry.Detail, entry.PrevHash, entry.Hash);

    public static TransitionDto ToDto(this TransitionResult result) => new(
        result.Image.ToDto(), result.Transition.ToDto(), result.Effects.Select(ToDto).ToList());

    public static ListDto<HistoryEntryDto> ToDto(this IReadOnlyList<HistoryEntry> entries) => new(entries.Select(ToDto).ToList());

    public static ImagePageDto ToDto(this ImagePage page) => new(page.Items.Select(ToDto).ToList(), page.NextCursor);

    public static AuditPageDto ToDto(this AuditPage page) => new(page.Items.Select(ToDto).ToList(), page.Next);

    public static AuditVerifyDto ToDto(this AuditVerification verification) => new(verification.Ok, verification.Entries, verification.FirstBadSeq);

    public static TagDto ToDto(this TagRecord tag) => new(tag.Repository, tag.Tag, tag.Digest, tag.MovedAt, tag.MovedBy);

    public static TagMoveDto ToDto(this TagMove move) => new(move.Id, move.Repository, move.Tag, move.FromDigest, move.ToDigest, move.Actor, move.At);

    public static ApprovalDto ToDto(this ApprovalRecord approval) => new(approval.Digest, approval.Actor, approval.Role, approval.Comment, approval.At);

    public static VetoDto ToDto(this VetoResult veto) => new(veto.Image.ToDto(), veto.Transition?.ToDto());

    public static PendingOverrideDto ToDto(this PendingOverride o) => new(
        o.Id, o.Digest, o.FromState, o.ToState, o.ExpectedVersion, o.Reason, o.RequestedBy, o.RequestedAt, o.Status.ToName(), o.ResolvedBy, o.ResolvedAt, o.ResolutionReason);

    public static TokenDto ToDto(this TokenRecord token) => new(
        token.Name, token.Roles, token.RepositoryPatterns, token.CreatedAt, token.CreatedBy, token.RevokedAt);
}
