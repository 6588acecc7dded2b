using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>
/// An evidence attachment that also replaces the image's findings or packages: two round trips in one
/// transaction. Evidence writes no history and changes no version, so it does not take the chain lock;
/// a transaction-scoped advisory lock on the digest orders attachments to one image, so the current
/// findings and packages are always those of the last attachment committed.
/// </summary>
internal static class EvidenceWriter
{
    // Evidence locks use the two-key advisory lock space, like tag locks, under their own class.
    private const int EvidenceLockClass = 0x76657669;

    private const string Lock = "SELECT pg_advisory_xact_lock($1, hashtext($2))";

    private const string InsertFindings =
        "INSERT INTO vulnerability_findings (image_id, evidence_id, vuln_id, vuln_key, severity, cvss, package, installed_version, fixed_version, purl) " +
        "SELECT $1, $2, u.id, u.key, u.severity, u.cvss, u.package, u.installed, u.fixed, u.purl " +
        "FROM unnest($3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::text[]) " +
        "WITH ORDINALITY AS u(id, key, severity, cvss, package, installed, fixed, purl, n) ORDER BY u.n";

    // A sighting keeps its first_seen; the newest scan decides whether it is present.
    private const string UpsertSightings =
        "INSERT INTO vulnerability_sightings (image_id, vuln_key, vuln_id, first_seen, present) " +
        "SELECT $1, u.key, u.id, $4, true FROM unnest($2::text[], $3::text[]) AS u(key, id) " +
        "ON CONFLICT (image_id, vuln_key) DO UPDATE SET present = true";

    private const string InsertPackages =
        "INSERT INTO image_packages (image_id, evidence_id, name, version, purl, purl_base) " +
        "SELECT $1, $2, u.name, u.version, u.purl, u.base FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) " +
        "WITH ORDINALITY AS u(name, version, purl, base, n) ORDER BY u.n";

    /// <summary>
    /// Inserts the evidence row (<paramref name="insertEvidence"/> returning id and image id, parameters
    /// from <paramref name="bindEvidence"/>) and replaces findings, sightings and packages; the evidence id,
    /// or null (nothing written) when the digest is not registered.
    /// </summary>
    public static async Task<long?> AttachAsync(
        WriteTransaction transaction, string insertEvidence, EvidenceAttachment attachment, Action<NpgsqlParameterCollection> bindEvidence, CancellationToken cancellationToken)
    {
        (long Id, long ImageId)? inserted;
        var first = transaction.Batch();
        await using (first.ConfigureAwait(false))
        {
            first.Add(Lock).With(EvidenceLockClass).With(attachment.Digest);
            bindEvidence(first.Add(insertEvidence).Parameters);
            var reader = await transaction.ReadAsync(first, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                inserted = await reader.FirstRowAsync(r => ((long, long)?)(r.GetInt64(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
            }
        }

        if (inserted is not { } row)
        {
            return null;
        }

        var second = transaction.Batch();
        await using (second.ConfigureAwait(false))
        {
            if (attachment.Findings is { } findings)
            {
                second.Add("DELETE FROM vulnerability_findings WHERE image_id = $1").With(row.ImageId);
                second.Add(InsertFindings).With(row.ImageId).With(row.Id)
                    .With(findings.Select(f => f.Id).ToArray()).With(findings.Select(f => VulnerabilityColumns.Key(f.Id)).ToArray())
                    .With(findings.Select(f => f.Severity).ToArray()).With(findings.Select(f => f.Cvss).ToArray())
                    .With(findings.Select(f => f.Package).ToArray()).With(findings.Select(f => f.InstalledVersion).ToArray())
                    .With(findings.Select(f => f.FixedVersion).ToArray()).With(findings.Select(f => f.Purl).ToArray());
                var sighted = VulnerabilityColumns.Sighted(findings);
                second.Add("UPDATE vulnerability_sightings SET present = false WHERE image_id = $1").With(row.ImageId);
                second.Add(UpsertSightings).With(row.ImageId).With(sighted.Select(s => s.Key).ToArray()).With(sighted.Select(s => s.Id).ToArray())
                    .WithTime(attachment.At);
            }

            if (attachment.Packages is { } packages)
            {
                second.Add("DELETE FROM image_packages WHERE image_id = $1").With(row.ImageId);
                second.Add(InsertPackages).With(row.ImageId).With(row.Id)
                    .With(packages.Select(p => p.Name).ToArray()).With(packages.Select(p => p.Version).ToArray())
                    .With(packages.Select(p => p.Purl).ToArray()).With(packages.Select(p => p.PurlBase).ToArray());
            }

            await transaction.ExecuteAsync(second, commit: true, cancellationToken).ConfigureAwait(false);
        }

        return row.Id;
    }
}
