namespace Vivido.Core.Service;

/// <summary>What one webhook item changed; all false / empty when it was a redelivery of something already recorded.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Digest">The image.</param>
/// <param name="Registered">The digest was new and is now registered in the initial state.</param>
/// <param name="MovedTags">Tags that now point at the digest and did not before.</param>
/// <param name="EvidenceAttached">A scan was attached.</param>
/// <param name="DeletionRecorded">The registry's deletion was appended to the image's history.</param>
public sealed record WebhookRecorded(
    string Repository,
    string Digest,
    bool Registered,
    IReadOnlyList<string> MovedTags,
    bool EvidenceAttached = false,
    bool DeletionRecorded = false)
{
    /// <summary>True when anything was written.</summary>
    public bool Changed => Registered || MovedTags.Count > 0 || EvidenceAttached || DeletionRecorded;
}
