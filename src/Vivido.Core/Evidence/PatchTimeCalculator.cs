using Vivido.Core.Storage;

namespace Vivido.Core.Evidence;

/// <summary>
/// Time to patch, per vulnerability and repository: from its first sighting in a production (Active)
/// image to the first production digest of that repository without it. Pure: the caller reads the
/// repository's exposure from the store.
/// </summary>
public static class PatchTimeCalculator
{
    /// <summary>Every vulnerability that ever ran in one of <paramref name="repository"/>'s production spans, ordered by first sighting.</summary>
    public static IReadOnlyList<PatchTime> Compute(string repository, RepositoryExposure exposure, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        var spansByDigest = exposure.Spans.ToLookup(s => s.Digest, StringComparer.Ordinal);
        var present = exposure.Sightings.Where(s => s.Present).Select(s => (s.Digest, Key(s.VulnerabilityId))).ToHashSet();
        var scanned = exposure.Scanned.ToHashSet(StringComparer.Ordinal);
        var spansInOrder = exposure.Spans.OrderBy(s => s.From).ToList();
        var results = new List<PatchTime>();
        foreach (var sightings in exposure.Sightings.GroupBy(s => Key(s.VulnerabilityId)))
        {
            var first = sightings
                .SelectMany(s => spansByDigest[s.Digest].Where(span => span.To is not { } to || s.FirstSeen <= to)
                    .Select(span => (Digest: s.Digest, At: Max(span.From, s.FirstSeen))))
                .OrderBy(x => x.At)
                .FirstOrDefault();
            if (first.Digest is null)
            {
                continue;
            }

            var patch = spansInOrder.FirstOrDefault(span =>
                span.From >= first.At && scanned.Contains(span.Digest) && !present.Contains((span.Digest, sightings.Key)));
            var id = sightings.First().VulnerabilityId;
            var end = patch?.From ?? now;
            results.Add(new PatchTime(repository, id, first.At, first.Digest, patch?.From, patch?.Digest, Math.Max(0, (end - first.At).TotalSeconds)));
        }

        return results.OrderBy(r => r.FirstSeenActive).ThenBy(r => r.Vulnerability, StringComparer.Ordinal).ToList();
    }

    private static string Key(string id) => id.ToUpperInvariant();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
