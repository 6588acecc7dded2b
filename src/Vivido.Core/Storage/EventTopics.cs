namespace Vivido.Core.Storage;

/// <summary>
/// The topics of the outbox rows stores write on their own, in the same transaction as the change.
/// Lifecycle <c>notify</c> effects, re-scan requests and break-glass admissions add their own topics.
/// A CloudEvent's type is <see cref="TypePrefix"/> + topic.
/// </summary>
public static class EventTopics
{
    /// <summary>Prefix of every CloudEvent type Vivido sends.</summary>
    public const string TypePrefix = "dev.vivido.";

    /// <summary>A digest was registered (its first history entry).</summary>
    public const string Registered = "image.registered";

    /// <summary>An accepted transition, including effects on other images and cleanup deletions.</summary>
    public const string Transitioned = "image.transitioned";

    /// <summary>A transition forced by an admin.</summary>
    public const string Overridden = "image.overridden";

    /// <summary>A refused attempt (lifecycle guards, timers, cleanup errors).</summary>
    public const string Rejected = "image.rejected";

    /// <summary>A tag moved (or was set where it already pointed).</summary>
    public const string TagMoved = "tag.moved";

    /// <summary>Evidence was attached (scan, SBOM, signature, provenance, test result...).</summary>
    public const string EvidenceAttached = "evidence.attached";

    /// <summary>A deployment was first seen, or changed status.</summary>
    public const string DeploymentReported = "deployment.reported";

    /// <summary>An approval was recorded.</summary>
    public const string Approved = "image.approved";

    /// <summary>A veto was recorded.</summary>
    public const string Vetoed = "image.vetoed";
}
