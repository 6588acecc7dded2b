namespace Vivido.Core.Images;

/// <summary>How a deployment of the digest is doing; guards see it lower-case (<c>"healthy"</c>), see <see cref="DeploymentStatusNames"/>.</summary>
public enum DeploymentStatus
{
    Healthy,
    Degraded,
    Failed,
    Stopped,

    /// <summary>Admitted or rolling out; health not known yet.</summary>
    Progressing,
}
