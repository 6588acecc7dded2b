using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite.Tests;

/// <summary>The canonical form and hash every store and `audit verify` share; pinned so a change is a deliberate format bump.</summary>
public sealed class HistoryChainTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567);

    private static HistoryEntry Sample() => new(
        1, "sha256:ab", "Staged", "Active", "promote", "alice", null,
        new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, At, HistoryKind.Accepted, string.Empty, HistoryChain.GenesisHash, string.Empty);

    [Fact]
    public void Canonicalize_Entry_IsLengthPrefixedFieldsInTheDocumentedOrder()
    {
        HistoryChain.Canonicalize(Sample()).ShouldBe(
            "17:vivido-history-v1;1:1;9:sha256:ab;8:accepted;7:promote;6:Staged;6:Active;5:alice;~;0:;1:2;1:a;1:1;1:b;1:2;" +
            "27:2026-01-01T00:00:00.123456Z;64:" + HistoryChain.GenesisHash + ";");
    }

    [Fact]
    public void ComputeHash_KnownEntries_MatchPinnedValues()
    {
        HistoryChain.ComputeHash(Sample()).ShouldBe("0f690c74c4d22f5c0b27a9dce1cdc45ae5ab41f3c68d1d535cae71f9a28cfd55");
        var rejected = new HistoryEntry(
            2, "sha256:ab", "Staged", null, "promote", "björn", null, new Dictionary<string, string>(),
            new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)), HistoryKind.Rejected, null, "abc", string.Empty);
        HistoryChain.ComputeHash(rejected).ShouldBe("252f12089e5905987d1941515121fd4394d55212e9cd5379a130e69fa2caaef8");
    }

    [Fact]
    public void Canonicalize_NullAndEmpty_AreDistinct()
    {
        var withNull = Sample() with { Reason = null };
        var withEmpty = Sample() with { Reason = string.Empty };

        HistoryChain.ComputeHash(withNull).ShouldNotBe(HistoryChain.ComputeHash(withEmpty));
    }

    [Fact]
    public void Canonicalize_FieldBoundariesShifted_GivesAnotherHash()
    {
        var a = Sample() with { Actor = "al", Reason = "ice" };
        var b = Sample() with { Actor = "ali", Reason = "ce" };

        HistoryChain.ComputeHash(a).ShouldNotBe(HistoryChain.ComputeHash(b));
    }

    [Fact]
    public void Seal_Entry_NormalisesTimeAndSetsTheHash()
    {
        var sealedEntry = HistoryChain.Seal(Sample());

        sealedEntry.At.ShouldBe(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234560));
        sealedEntry.Hash.ShouldBe(HistoryChain.ComputeHash(Sample()));
    }

    [Fact]
    public void Normalize_OffsetAndTicks_BecomesUtcMicroseconds()
    {
        var local = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(-5)).AddTicks(19);

        var normalized = HistoryChain.Normalize(local);

        normalized.Offset.ShouldBe(TimeSpan.Zero);
        normalized.ShouldBe(new DateTimeOffset(2026, 6, 1, 17, 0, 0, TimeSpan.Zero).AddTicks(10));
    }

    [Fact]
    public void Verify_ChainOfThree_IsOk()
    {
        var chain = Chain(3);

        HistoryChain.Verify(chain).ShouldBe(new AuditVerification(true, 3, null));
        HistoryChain.Verify([]).ShouldBe(new AuditVerification(true, 0, null));
    }

    [Fact]
    public void Verify_ChangedField_ReportsThatEntry()
    {
        var chain = Chain(4);
        chain[2] = chain[2] with { Actor = "mallory" };

        HistoryChain.Verify(chain).ShouldBe(new AuditVerification(false, 4, 3));
    }

    [Fact]
    public void Verify_RemovedEntry_ReportsTheNextOne()
    {
        var chain = Chain(4);
        chain.RemoveAt(1);

        HistoryChain.Verify(chain).ShouldBe(new AuditVerification(false, 3, 3));
    }

    [Fact]
    public void Verify_RehashedButRelinkedEntry_ReportsTheFollowingEntry()
    {
        var chain = Chain(3);
        chain[1] = HistoryChain.Seal(chain[1] with { Reason = "rewritten" });

        HistoryChain.Verify(chain).ShouldBe(new AuditVerification(false, 3, 3));
    }

    [Fact]
    public async Task VerifyAsync_Stream_GivesTheSameVerdictAsVerify()
    {
        var chain = Chain(5);
        chain[4] = chain[4] with { PrevHash = HistoryChain.GenesisHash };

        (await HistoryChain.VerifyAsync(chain.ToAsyncEnumerable())).ShouldBe(HistoryChain.Verify(chain));
    }

    private static List<HistoryEntry> Chain(int count)
    {
        var entries = new List<HistoryEntry>();
        var prev = HistoryChain.GenesisHash;
        for (var seq = 1; seq <= count; seq++)
        {
            var entry = HistoryChain.Seal(Sample() with { Seq = seq, PrevHash = prev, Reason = "step " + seq });
            entries.Add(entry);
            prev = entry.Hash;
        }

        return entries;
    }
}
