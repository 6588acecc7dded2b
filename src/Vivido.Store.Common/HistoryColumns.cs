using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>Reading history entries (joined to their image for the digest).</summary>
public static class HistoryColumns
{
    /// <summary>The query every history read starts with (aliases <c>h</c> and <c>i</c>); a store appends its WHERE and ORDER BY.</summary>
    public const string Select =
        "SELECT h.seq, i.digest, h.kind, h.event, h.from_state, h.to_state, h.actor, h.reason, h.detail, h.params, h.at, h.prev_hash, h.hash " +
        "FROM history h JOIN images i ON i.id = h.image_id";

    /// <summary>The entry in the current row of a <see cref="Select"/>.</summary>
    public static HistoryEntry Read(DbDataReader reader, TimeReader time) => new(
        Seq: reader.GetInt64(0),
        Digest: reader.GetString(1),
        From: reader.NullableString(4),
        To: reader.NullableString(5),
        Event: reader.GetString(3),
        Actor: reader.GetString(6),
        Reason: reader.NullableString(7),
        Params: JsonColumns.ParseMap(reader.GetString(9)),
        At: time.Read(reader, 10),
        Kind: StorageNames.ParseHistoryKind(reader.GetString(2)),
        Detail: reader.NullableString(8),
        PrevHash: reader.GetString(11),
        Hash: reader.GetString(12));

    /// <summary>
    /// Runs <paramref name="command"/> (a <see cref="Select"/> in seq order) and verifies the chain
    /// row by row in constant memory; disposes the command.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(DbCommand command, TimeReader time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var verifier = new HistoryChainVerifier();
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    verifier.Add(Read(reader, time));
                }
            }
        }

        return verifier.Result;
    }
}
