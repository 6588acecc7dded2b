namespace Vivido.Core.Images;

/// <summary>How a deployment of the digest is doing; guards see it lower-case (<c>"healthy"</c>).</summary>
public enum DeploymentStatus
{
    Healthy,
    Degraded,
    Failed,
    Stopped,
}
