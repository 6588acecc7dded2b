using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

/// <summary>Times are stored as INTEGER microseconds since the Unix epoch (UTC): sortable, compact and exact for normalised times.</summary>
internal static class Micros
{
    private const long TicksPerMicrosecond = 10;

    public static long FromTime(DateTimeOffset at) =>
        (HistoryChain.Normalize(at).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset ToTime(long micros) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * TicksPerMicrosecond), TimeSpan.Zero);
}
