namespace Vivido.Evidence.Reading;

/// <summary>Turns findings, in report order, into a <see cref="ScanReport"/>'s counts and unique vulnerabilities.</summary>
internal static class ScanBuilder
{
    public static ScanReport Build(
        EvidenceFormat format,
        string formatVersion,
        IReadOnlyList<string> subjects,
        string scanner,
        string? scannerVersion,
        DateTimeOffset? scannedAt,
        DateTimeOffset? databaseAt,
        List<Finding> findings)
    {
        int critical = 0, high = 0, medium = 0, low = 0, unknown = 0;
        var order = new List<string>();
        var byId = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.Critical: critical++; break;
                case Severity.High: high++; break;
                case Severity.Medium: medium++; break;
                case Severity.Low: low++; break;
                default: unknown++; break;
            }

            if (!byId.TryGetValue(finding.Id, out var accumulator))
            {
                accumulator = new Accumulator();
                byId.Add(finding.Id, accumulator);
                order.Add(finding.Id);
            }

            accumulator.Add(finding);
        }

        var vulnerabilities = order.ConvertAll(id => byId[id].ToVulnerability(id));
        return new ScanReport(
            format,
            formatVersion,
            subjects,
            scanner,
            scannerVersion,
            scannedAt,
            databaseAt,
            new SeverityCounts(critical, high, medium, low, unknown),
            findings,
            vulnerabilities);
    }

    private sealed class Accumulator
    {
        private readonly List<string> fixedVersions = new(1);
        private readonly List<string> packages = new(1);
        private Severity severity;
        private double? cvss;

        public void Add(Finding finding)
        {
            severity = Severities.Max(severity, finding.Severity);
            if (finding.Cvss is { } score)
            {
                cvss = cvss is { } current ? Math.Max(current, score) : score;
            }

            if (finding.FixedVersion is { } fixedVersion)
            {
                if (fixedVersion.Contains(',', StringComparison.Ordinal))
                {
                    foreach (var version in fixedVersion.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        AddOnce(fixedVersions, version);
                    }
                }
                else
                {
                    AddOnce(fixedVersions, fixedVersion.Trim());
                }
            }

            AddOnce(packages, finding.Package);
        }

        public Vulnerability ToVulnerability(string id) => new(id, severity, cvss, fixedVersions, packages);

        private static void AddOnce(List<string> list, string value)
        {
            if (value.Length > 0 && !list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }
    }
}
