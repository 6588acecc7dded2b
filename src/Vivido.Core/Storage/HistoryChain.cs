using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vivido.Core.Storage;

/// <summary>
/// The history hash chain shared by every store and by <c>vivido audit verify</c>.
/// <para>
/// An entry's hash is the lowercase hex SHA-256 of the UTF-8 bytes of its canonical form, which is the
/// concatenation of length-prefixed fields: each text field as <c>&lt;UTF-8 byte length&gt;:&lt;text&gt;;</c>,
/// an absent field as <c>~;</c>. The fields, in order: the format tag <c>vivido-history-v1</c>, seq
/// (decimal), digest, kind (<c>accepted</c>|<c>rejected</c>|<c>override</c>), event, from, to, actor,
/// reason, detail, the parameter count (decimal) followed by each key and value in ordinal key order,
/// at (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, UTC), prevHash. docs/storage.md documents the same.
/// </para>
/// </summary>
public static class HistoryChain
{
    /// <summary>The format tag that opens every canonical form.</summary>
    public const string FormatTag = "vivido-history-v1";

    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>
    /// The form every store keeps times in: UTC, truncated to whole microseconds (the finest precision
    /// both SQLite integers and PostgreSQL timestamptz keep), so a stored time hashes as it was hashed.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    /// <summary>The canonical text of <paramref name="entry"/> (its <see cref="HistoryEntry.Hash"/> is not part of it).</summary>
    public static string Canonicalize(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(256);
        Field(text, FormatTag);
        Field(text, entry.Seq.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.Digest);
        Field(text, entry.Kind.ToName());
        Field(text, entry.Event);
        Field(text, entry.From);
        Field(text, entry.To);
        Field(text, entry.Actor);
        Field(text, entry.Reason);
        Field(text, entry.Detail);
        Field(text, entry.Params.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var pair in entry.Params.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Field(text, pair.Key);
            Field(text, pair.Value);
        }

        Field(text, Normalize(entry.At).UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        Field(text, entry.PrevHash);
        return text.ToString();
    }

    /// <summary>The hash <paramref name="entry"/> must carry, from its fields and its <see cref="HistoryEntry.PrevHash"/>.</summary>
    public static string ComputeHash(HistoryEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(entry))));

    /// <summary><paramref name="entry"/> with its time normalised and its hash computed.</summary>
    public static HistoryEntry Seal(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var normalized = entry with { At = Normalize(entry.At) };
        return normalized with { Hash = ComputeHash(normalized) };
    }

    /// <summary>Checks entries given in seq order: seqs 1, 2, 3...; each links to the previous hash; each hash matches.</summary>
    public static AuditVerification Verify(IEnumerable<HistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var verifier = new HistoryChainVerifier();
        foreach (var entry in entries)
        {
            verifier.Add(entry);
        }

        return verifier.Result;
    }

    /// <summary>As <see cref="Verify"/>, streaming.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<HistoryEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var verifier = new HistoryChainVerifier();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            verifier.Add(entry);
        }

        return verifier.Result;
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("~;");
            return;
        }

        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(value).Append(';');
    }
}
