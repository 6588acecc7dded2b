namespace Vivido.Core.Storage;

/// <summary>Checks a history chain one entry at a time, so a store can verify millions of entries while streaming them.</summary>
public sealed class HistoryChainVerifier
{
    private string _expectedPrev = HistoryChain.GenesisHash;
    private long _expectedSeq = 1;
    private long _entries;
    private long? _firstBad;

    /// <summary>The verdict over the entries added so far.</summary>
    public AuditVerification Result => new(_firstBad is null, _entries, _firstBad);

    /// <summary>Adds the next entry in seq order; returns false once any entry so far was bad.</summary>
    public bool Add(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries++;
        if (_firstBad is not null)
        {
            return false;
        }

        if (entry.Seq != _expectedSeq || entry.PrevHash != _expectedPrev || entry.Hash != HistoryChain.ComputeHash(entry))
        {
            _firstBad = entry.Seq;
            return false;
        }

        _expectedSeq = entry.Seq + 1;
        _expectedPrev = entry.Hash;
        return true;
    }
}
