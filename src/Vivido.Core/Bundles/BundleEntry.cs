using System.Text.Json;
using Vivido.Core.Storage;

namespace Vivido.Core.Bundles;

/// <summary>One verified evidence entry of a bundle's <c>evidence/index.json</c>.</summary>
/// <param name="Id">The evidence id in the store that made the bundle.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="MediaType">The raw document's media type, if any.</param>
/// <param name="Actor">Who attached it.</param>
/// <param name="At">When.</param>
/// <param name="Fact">The normalised fact as JSON (camelCase); <see cref="ToFact"/> reads it as its record type.</param>
/// <param name="Raw">The raw document as received; null when none was kept.</param>
public sealed record BundleEntry(long Id, EvidenceKind Kind, string? MediaType, string Actor, DateTimeOffset At, JsonElement Fact, byte[]? Raw)
{
    /// <summary>The fact as the record type matching <see cref="Kind"/> (e.g. <see cref="Images.ScanFact"/>); the reader has checked that it reads.</summary>
    public object ToFact() => BundleJson.ReadFact(Kind, Fact);
}
