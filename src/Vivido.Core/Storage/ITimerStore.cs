namespace Vivido.Core.Storage;

/// <summary>Finding lifecycle timers that came due. A timer fires once per image per entry into the state.</summary>
public interface ITimerStore
{
    /// <summary>
    /// Up to <paramref name="limit"/> (1..1000) images in <paramref name="state"/> that entered it at or
    /// before <paramref name="enteredAtOrBefore"/> and whose timer <paramref name="timerEvent"/> has not
    /// fired for that entry (no rejection recorded with <see cref="RejectionRecord.TimerEvent"/> for the
    /// same state and entered-state time), oldest entry first.
    /// </summary>
    Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(string state, string timerEvent, DateTimeOffset enteredAtOrBefore, int limit, CancellationToken cancellationToken = default);
}
