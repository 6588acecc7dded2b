using System.Globalization;
using System.Runtime.InteropServices;

namespace Vivido.Benchmarks.Common;

/// <summary>What every report states about the run: when, on what, with which runtime, and how busy the machine was.</summary>
internal static class Machine
{
    private const string LoadAverageFile = "/proc/loadavg";

    public static string Describe(TimeProvider time) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{time.GetUtcNow():yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; {RuntimeInformation.OSDescription}; .NET {Environment.Version}; {LoadAverage()}");

    /// <summary>The 1, 5 and 15 minute load averages where the OS publishes them: figures from a busy machine are not comparable.</summary>
    public static string LoadAverage() =>
        File.Exists(LoadAverageFile)
            ? "load average " + string.Join(' ', File.ReadAllText(LoadAverageFile).Split(' ').Take(3))
            : "load average unknown";

    public static string F(double value, int decimals = 0) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
