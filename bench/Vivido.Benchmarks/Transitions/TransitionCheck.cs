using Vivido.Core.Storage;

namespace Vivido.Benchmarks.Transitions;

/// <summary>After a run: history holds exactly the registrations plus every acknowledged transition, and the chain verifies.</summary>
internal static class TransitionCheck
{
    public static async Task VerifyAsync(IVividoStore store, long expectedEntries)
    {
        var rows = await store.CountRowsAsync().ConfigureAwait(false);
        if (rows["history"] != expectedEntries)
        {
            throw new InvalidOperationException($"history holds {rows["history"]} entries, expected {expectedEntries} (registrations + acknowledged transitions)");
        }

        var audit = await store.VerifyAuditAsync().ConfigureAwait(false);
        if (!audit.Ok || audit.Entries != expectedEntries)
        {
            throw new InvalidOperationException($"audit verify failed: ok={audit.Ok}, entries={audit.Entries}, firstBadSeq={audit.FirstBadSeq}");
        }
    }
}
