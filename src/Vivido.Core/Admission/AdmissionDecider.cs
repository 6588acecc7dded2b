using Vivido.Core.Lifecycles;

namespace Vivido.Core.Admission;

/// <summary>Decides an admission from resolved images and the lifecycle's admission rules; break-glass is the caller's.</summary>
public static class AdmissionDecider
{
    /// <summary>
    /// Applies the first rule matching the request's namespace: an image is denied when it is invalid, could
    /// not be resolved, or its state is not in the rule's allow list. A namespace no rule matches is not
    /// governed by Vivido: everything is allowed, with a warning saying so.
    /// </summary>
    public static AdmissionDecision Decide(AdmissionReviewRequest request, IReadOnlyList<ResolvedImage> images, IReadOnlyList<AdmissionRule> rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rules);

        var warnings = new List<string>();
        foreach (var image in images)
        {
            if (image.Image.Reference is { IsPinned: false })
            {
                warnings.Add(image.Image.Container.Length == 0
                    ? $"tag-only reference {image.Image.Image}; pin it by digest"
                    : $"container \"{image.Image.Container}\" uses tag-only reference {image.Image.Image}; pin it by digest");
            }
        }

        var rule = rules.FirstOrDefault(r => r.Matches(request.Namespace));
        if (rule is null)
        {
            warnings.Insert(0, $"no admission rule matches namespace {request.Namespace}; allowed without checks");
            return new AdmissionDecision(true, [], warnings, $"no admission rule matches namespace {request.Namespace}");
        }

        var allows = rule.Allow.Count == 0
            ? $"namespace {request.Namespace} allows no state (rule {rule.Namespaces})"
            : $"namespace {request.Namespace} allows {string.Join(", ", rule.Allow)} (rule {rule.Namespaces})";
        var denials = new List<ImageDenial>();
        foreach (var image in images)
        {
            if (Refusal(image, rule) is { } why)
            {
                denials.Add(new ImageDenial(image.Image.Container, image.Image.Image, image.Digest, image.State, $"{why}; {allows}"));
            }
        }

        if (denials.Count > 0)
        {
            return new AdmissionDecision(false, denials, warnings, string.Join("; ", denials.Select(d => d.Reason)));
        }

        var summary = images.Count == 0
            ? $"no container images to check; {allows}"
            : $"{images.Count} image(s) allowed: {allows}";
        return new AdmissionDecision(true, [], warnings, summary);
    }

    // A check from outside Kubernetes has no container name, so its messages name only the image.
    private static string? Refusal(ResolvedImage image, AdmissionRule rule)
    {
        var container = image.Image.Container;
        if (image.Image.Error is { } error)
        {
            return container.Length == 0 ? error : $"container \"{container}\" has {error}";
        }

        var subject = container.Length == 0 ? "image" : $"container \"{container}\" image";
        if (image.Problem is { } problem)
        {
            return $"{subject} {image.Image.Image}: {problem}";
        }

        var shown = image.Digest is null ? image.Image.Image : $"{image.Image.Reference?.Repository ?? image.Image.Image}@{image.Digest}";
        if (image.State is null || image.Digest is null)
        {
            return $"{subject} {shown} has no known state";
        }

        return rule.Allow.Contains(image.State, StringComparer.Ordinal) ? null : $"{subject} {shown} is {image.State}";
    }
}
