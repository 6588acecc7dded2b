namespace Vivido.Server.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes: for work the background jobs do on their own schedule.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns the first value <paramref name="probe"/> yields that satisfies <paramref name="done"/>; fails with <paramref name="what"/> at the deadline.</summary>
    public static async Task<T> ReachAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (elapsed.Elapsed > Deadline)
            {
                throw new TimeoutException($"not reached within {Deadline.TotalSeconds}s: {what}; last value: {value}");
            }

            await Task.Delay(Pause);
        }
    }
}
