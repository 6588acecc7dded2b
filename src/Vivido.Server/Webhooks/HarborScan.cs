using System.Globalization;
using System.Text.Json;
using Vivido.Core.Images;
using Vivido.Evidence;

namespace Vivido.Server.Webhooks;

/// <summary>
/// Reads the scan overview of a Harbor SCANNING_COMPLETED resource into a <see cref="ScanFact"/>: counts
/// per severity, scanner name and version, the end time. Harbor sends no CVE list, so the CVE list is
/// empty; the score is the lifecycle's formula over the counts, as for any other scan.
/// </summary>
internal static class HarborScan
{
    /// <summary>The fact, or null with <paramref name="error"/> set (<paramref name="error"/> null too when the scan did not succeed: nothing to record).</summary>
    public static ScanFact? Read(JsonElement resource, DateTimeOffset fallbackTime, ScoreWeights weights, out string? error)
    {
        error = null;
        var report = resource.Object("scan_overview") is { } overview
            ? overview.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Object)
            : default;
        if (report.ValueKind != JsonValueKind.Object)
        {
            error = "the resource has no 'scan_overview' report";
            return null;
        }

        if (report.String("scan_status") != "Success")
        {
            return null;
        }

        var counts = report.Object("summary")?.Object("summary");
        int Count(string severity) => counts?.Long(severity) is { } n ? (int)Math.Clamp(n, 0, int.MaxValue) : 0;
        var (critical, high, medium, low) = (Count("Critical"), Count("High"), Count("Medium"), Count("Low"));
        var unknown = Count("Unknown") + Count("Negligible");
        var scanner = report.Object("scanner");
        var name = string.Join(' ', new[] { scanner?.String("name"), scanner?.String("version") }.Where(s => !string.IsNullOrEmpty(s)));
        var at = DateTimeOffset.TryParse(report.String("end_time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end) ? end : fallbackTime;
        var score = weights.Score(new SeverityCounts(critical, high, medium, low, unknown));
        return new ScanFact(name.Length == 0 ? "harbor" : name, critical, high, medium, low, unknown, score, [], at);
    }
}
