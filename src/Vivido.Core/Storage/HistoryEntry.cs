namespace Vivido.Core.Storage;

/// <summary>
/// One append-only, hash-chained history entry. <see cref="HistoryChain"/> defines how
/// <see cref="Hash"/> is computed from the other fields and <see cref="PrevHash"/>.
/// </summary>
/// <param name="Seq">Global position in the audit log, 1-based, without gaps.</param>
/// <param name="Digest">The image the entry is about.</param>
/// <param name="From">The state before; null for the registration entry.</param>
/// <param name="To">The state after; null for a rejected attempt.</param>
/// <param name="Event">The event fired (<c>register</c> for the registration entry).</param>
/// <param name="Actor">The token name that acted.</param>
/// <param name="Reason">The caller's reason, if given.</param>
/// <param name="Params">The event parameters.</param>
/// <param name="At">When it happened (UTC, microsecond precision).</param>
/// <param name="Kind">Accepted, rejected or override.</param>
/// <param name="Detail">What the store or engine adds: unmet guards of a rejection, the digest that caused a supersede.</param>
/// <param name="PrevHash">The previous entry's hash, or <see cref="HistoryChain.GenesisHash"/> for the first.</param>
/// <param name="Hash">Lowercase hex SHA-256 over the canonical form of this entry.</param>
public sealed record HistoryEntry(
    long Seq,
    string Digest,
    string? From,
    string? To,
    string Event,
    string Actor,
    string? Reason,
    IReadOnlyDictionary<string, string> Params,
    DateTimeOffset At,
    HistoryKind Kind,
    string? Detail,
    string PrevHash,
    string Hash);
