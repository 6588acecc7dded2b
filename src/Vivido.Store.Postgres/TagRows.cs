using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>
/// Tag moves inside a write transaction. A move holds a transaction-scoped advisory lock on its
/// (repository, tag), so two concurrent moves of one tag record each other's "from" correctly.
/// </summary>
internal static class TagRows
{
    // Tag locks use the two-key advisory lock space, which never meets the migrations' one-key lock.
    private const int TagLockClass = 0x76746167;

    private const string Lock = "SELECT pg_advisory_xact_lock($1, hashtext($2 || ':' || $3))";

    // $1 repository, $2 tag, $3 digest, $4 actor, $5 at. Nothing is written when the digest is not in the repository.
    private const string Record =
        "INSERT INTO tag_moves (repository, tag, from_image_id, to_image_id, actor, at) " +
        "SELECT $1, $2, (SELECT image_id FROM tags WHERE repository = $1 AND tag = $2), i.id, $4, $5 FROM images i WHERE i.digest = $3 AND i.repository = $1 " +
        "RETURNING id, repository, tag, (SELECT digest FROM images f WHERE f.id = from_image_id), $3, actor, at";

    private const string Upsert =
        "INSERT INTO tags (repository, tag, image_id, moved_at, moved_by) " +
        "SELECT $1, $2, i.id, $5, $4 FROM images i WHERE i.digest = $3 AND i.repository = $1 " +
        "ON CONFLICT (repository, tag) DO UPDATE SET image_id = EXCLUDED.image_id, moved_at = EXCLUDED.moved_at, moved_by = EXCLUDED.moved_by";

    /// <summary>
    /// Adds the statements that point the tag at the digest and record the move; the second returns the
    /// move in <see cref="TagColumns.SelectMoves"/>'s columns (no row when the digest is not in the repository).
    /// </summary>
    public static void AddMove(NpgsqlBatch batch, string repository, string tag, string digest, string actor, DateTimeOffset at)
    {
        batch.Add(Lock).With(TagLockClass).With(repository).With(tag);
        batch.Add(Record).With(repository).With(tag).With(digest).With(actor).WithTime(at);
        batch.Add(Upsert).With(repository).With(tag).With(digest).With(actor).WithTime(at);
    }
}
