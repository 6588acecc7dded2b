namespace Vivido.Core.Images;

/// <summary>The stable lower-case names of <see cref="DeploymentStatus"/>, as stored, shown to guards and sent over the API.</summary>
public static class DeploymentStatusNames
{
    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<DeploymentStatus>().Select(Name)];

    /// <summary>The name of <paramref name="status"/>, e.g. <c>progressing</c>.</summary>
    public static string Name(DeploymentStatus status) => status switch
    {
        DeploymentStatus.Healthy => "healthy",
        DeploymentStatus.Degraded => "degraded",
        DeploymentStatus.Failed => "failed",
        DeploymentStatus.Stopped => "stopped",
        DeploymentStatus.Progressing => "progressing",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown deployment status"),
    };

    /// <summary>The status named exactly <paramref name="name"/> (lower-case only).</summary>
    public static bool TryParse(string? name, out DeploymentStatus status)
    {
        foreach (var candidate in Enum.GetValues<DeploymentStatus>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
