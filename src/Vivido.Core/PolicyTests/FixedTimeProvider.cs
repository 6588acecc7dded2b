namespace Vivido.Core.PolicyTests;

/// <summary>A clock stopped at the case's <c>now</c>.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
