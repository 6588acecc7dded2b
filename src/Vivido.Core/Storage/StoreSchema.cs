namespace Vivido.Core.Storage;

/// <summary>
/// The durable tables every store has, in an order where each table comes after the tables it
/// references. <c>vivido db copy</c> moves these, row for row, between any two stores; ids, seqs and
/// hashes are copied as they are, so the hash chain verifies on the target. Leases are transient and
/// not listed.
/// </summary>
public static class StoreSchema
{
    private const TransferColumnKind I = TransferColumnKind.Integer;
    private const TransferColumnKind T = TransferColumnKind.Text;
    private const TransferColumnKind B = TransferColumnKind.Boolean;
    private const TransferColumnKind At = TransferColumnKind.Time;
    private const TransferColumnKind R = TransferColumnKind.Real;
    private const TransferColumnKind Bin = TransferColumnKind.Bytes;

    /// <summary>The tables, referenced ones first.</summary>
    public static IReadOnlyList<TransferTable> Tables { get; } =
    [
        Table("images", "id", C("id", I), C("digest", T), C("repository", T), C("state", T), C("version", I), C("entered_state_at", At),
            C("registered_at", At), C("attributes", T), C("vetoed", B), C("exclusive", B)),
        Table("history", "seq", C("seq", I), C("image_id", I), C("kind", T), C("event", T), C("from_state", T, true), C("to_state", T, true),
            C("actor", T), C("reason", T, true), C("detail", T, true), C("params", T), C("at", At), C("prev_hash", T), C("hash", T)),
        Table("tags", "repository, tag", C("repository", T), C("tag", T), C("image_id", I), C("moved_at", At), C("moved_by", T)),
        Table("tag_moves", "id", C("id", I), C("repository", T), C("tag", T), C("from_image_id", I, true), C("to_image_id", I), C("actor", T), C("at", At)),
        Table("evidence", "id", C("id", I), C("image_id", I), C("kind", T), C("fact", T), C("raw_document", T, true), C("media_type", T, true),
            C("actor", T), C("at", At), C("raw_gzip", Bin, true), C("raw_sha256", T, true), C("raw_size", I, true)),
        Table("vulnerability_findings", "id", C("id", I), C("image_id", I), C("evidence_id", I), C("vuln_id", T), C("vuln_key", T), C("severity", T),
            C("cvss", R, true), C("package", T), C("installed_version", T, true), C("fixed_version", T, true), C("purl", T, true)),
        Table("vulnerability_sightings", "image_id, vuln_key", C("image_id", I), C("vuln_key", T), C("vuln_id", T), C("first_seen", At), C("present", B)),
        Table("image_packages", "id", C("id", I), C("image_id", I), C("evidence_id", I), C("name", T), C("version", T, true), C("purl", T, true),
            C("purl_base", T, true)),
        Table("approvals", "id", C("id", I), C("image_id", I), C("actor", T), C("role", T), C("comment", T, true), C("at", At)),
        Table("vetoes", "id", C("id", I), C("image_id", I), C("actor", T), C("reason", T), C("at", At)),
        Table("deployments", "id", C("id", I), C("image_id", I), C("environment", T), C("cluster", T), C("namespace", T), C("workload", T),
            C("status", T), C("first_seen", At), C("last_seen", At)),
        Table("outbox", "id", C("id", I), C("seq", I, true), C("topic", T), C("payload", T), C("created_at", At), C("attempts", I), C("delivered_at", At, true)),
        Table("idempotency", "token_name, key", C("token_name", T), C("key", T), C("request_hash", T), C("status", I), C("body", T), C("created_at", At)),
        Table("tokens", "id", C("id", I), C("name", T), C("hash", T), C("roles", T), C("repository_patterns", T), C("created_at", At),
            C("created_by", T), C("revoked_at", At, true)),
        Table("pending_overrides", "id", C("id", I), C("image_id", I), C("from_state", T), C("to_state", T), C("expected_version", I),
            C("reason", T), C("requested_by", T), C("requested_at", At), C("status", T), C("resolved_by", T, true), C("resolved_at", At, true),
            C("resolution_reason", T, true)),
        Table("timer_firings", "image_id, state, entered_state_at, event", C("image_id", I), C("state", T), C("entered_state_at", At), C("event", T),
            C("fired_at", At)),
        Table("rescan_requests", "image_id", C("image_id", I), C("requested_at", At)),
    ];

    /// <summary>The table named <paramref name="name"/>; throws <see cref="ArgumentException"/> for any other name.</summary>
    public static TransferTable Find(string name) =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"unknown table '{name}'", nameof(name));

    private static TransferTable Table(string name, string key, params TransferColumn[] columns) => new(name, key, columns);

    private static TransferColumn C(string name, TransferColumnKind kind, bool nullable = false) => new(name, kind, nullable);
}
