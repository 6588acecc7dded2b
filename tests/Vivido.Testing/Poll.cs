using System.Diagnostics;

namespace Vivido.Testing;

/// <summary>Polls until a condition holds or a deadline passes: for what other processes do on their own schedule.</summary>
public static class Poll
{
    /// <summary>The deadline when none is given.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>The first value of <paramref name="probe"/> that satisfies <paramref name="done"/>; throws naming <paramref name="what"/> at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var limit = deadline ?? DefaultDeadline;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (elapsed.Elapsed > limit)
            {
                throw new TimeoutException($"not reached within {limit.TotalSeconds}s: {what}; last value: {value}");
            }

            await Task.Delay(Pause);
        }
    }
}
