using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>The image's current findings, sightings and packages, rewritten inside an evidence attachment's transaction.</summary>
internal static class EvidenceRows
{
    private const string InsertFinding =
        "INSERT INTO vulnerability_findings (image_id, evidence_id, vuln_id, vuln_key, severity, cvss, package, installed_version, fixed_version, purl) " +
        "VALUES (@image, @evidence, @id, @key, @severity, @cvss, @package, @installed, @fixed, @purl)";

    // A sighting keeps its first_seen; the newest scan decides whether it is present.
    private const string UpsertSighting =
        "INSERT INTO vulnerability_sightings (image_id, vuln_key, vuln_id, first_seen, present) VALUES (@image, @key, @id, @at, 1) " +
        "ON CONFLICT (image_id, vuln_key) DO UPDATE SET present = 1";

    private const string InsertPackage =
        "INSERT INTO image_packages (image_id, evidence_id, name, version, purl, purl_base) VALUES (@image, @evidence, @name, @version, @purl, @base)";

    /// <summary>Replaces the findings (and updates sightings) for a scan with findings, the packages for an SBOM with packages.</summary>
    public static async Task ReplaceAsync(
        SqliteConnection connection, SqliteTransaction transaction, long imageId, long evidenceId, EvidenceAttachment attachment, CancellationToken cancellationToken)
    {
        if (attachment.Findings is { } findings)
        {
            await connection.Command("DELETE FROM vulnerability_findings WHERE image_id = @image", transaction).With("@image", imageId)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await InsertEachAsync(connection, transaction, InsertFinding, findings, (command, f) => command
                .With("@image", imageId).With("@evidence", evidenceId).With("@id", f.Id).With("@key", VulnerabilityColumns.Key(f.Id))
                .With("@severity", f.Severity).With("@cvss", f.Cvss).With("@package", f.Package).With("@installed", f.InstalledVersion)
                .With("@fixed", f.FixedVersion).With("@purl", f.Purl), cancellationToken).ConfigureAwait(false);
            await connection.Command("UPDATE vulnerability_sightings SET present = 0 WHERE image_id = @image", transaction).With("@image", imageId)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await InsertEachAsync(connection, transaction, UpsertSighting, VulnerabilityColumns.Sighted(findings), (command, s) => command
                .With("@image", imageId).With("@key", s.Key).With("@id", s.Id).With("@at", Micros.FromTime(attachment.At)), cancellationToken).ConfigureAwait(false);
        }

        if (attachment.Packages is { } packages)
        {
            await connection.Command("DELETE FROM image_packages WHERE image_id = @image", transaction).With("@image", imageId)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await InsertEachAsync(connection, transaction, InsertPackage, packages, (command, p) => command
                .With("@image", imageId).With("@evidence", evidenceId).With("@name", p.Name).With("@version", p.Version).With("@purl", p.Purl)
                .With("@base", p.PurlBase), cancellationToken).ConfigureAwait(false);
        }
    }

    // One command per row: SQLite runs them in the open transaction without round trips, so a batch statement would save nothing.
    private static async Task InsertEachAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string text, IEnumerable<T> rows, Action<SqliteCommand, T> bind, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var command = connection.Command(text, transaction);
            bind(command, row);
            await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
