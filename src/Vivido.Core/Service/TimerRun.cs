namespace Vivido.Core.Service;

/// <summary>What one pass of <see cref="TimerService.FireDueAsync(string, CancellationToken)"/> did.</summary>
/// <param name="Fired">Timers whose event was committed.</param>
/// <param name="Refused">Timers whose event was refused (guards, or an occupied exclusive state); recorded once, not retried for that stay.</param>
/// <param name="Skipped">Due images that changed before their turn (another writer moved them); nothing written for them.</param>
/// <param name="Completed">False when the pass stopped early because the caller's lease could not be renewed.</param>
public sealed record TimerRun(int Fired, int Refused, int Skipped, bool Completed);
