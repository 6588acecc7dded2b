using System.Globalization;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// CPU time of a process and its children from <c>/proc</c> (Linux): its own time, the time of its
/// children that exited, and the time of those still running. For the postmaster that is every
/// backend; for a <c>vivido serve</c> child, the replica. Null where <c>/proc</c> cannot tell.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of the times in /proc/<pid>/stat, 100 on every mainstream Linux architecture.
    private const double TicksPerSecond = 100;

    public static TimeSpan? Read(int pid)
    {
        var own = Fields(pid);
        if (own is null)
        {
            return null;
        }

        // After the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.
        var ticks = Ticks(own, 11) + Ticks(own, 12) + Ticks(own, 13) + Ticks(own, 14);
        var parent = pid.ToString(CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && Fields(child) is { } fields && fields[1] == parent)
            {
                ticks += Ticks(fields, 11) + Ticks(fields, 12);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static string[]? Fields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone, never there, or not Linux.
            return null;
        }

        // The command name is in parentheses and may itself contain spaces or parentheses.
        var end = text.LastIndexOf(')');
        return end < 0 ? null : text[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], NumberStyles.None, CultureInfo.InvariantCulture);
}
