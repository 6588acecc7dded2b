namespace Vivido.Core.Admission;

/// <summary>What Vivido needs from an AdmissionReview request.</summary>
/// <param name="ApiVersion"><c>admission.k8s.io/v1</c> or <c>admission.k8s.io/v1beta1</c>; the response uses the same.</param>
/// <param name="Uid">request.uid, echoed in the response.</param>
/// <param name="Kind">request.kind.kind, e.g. <c>Pod</c>, <c>Deployment</c>.</param>
/// <param name="Supported">True for the workload kinds whose images are read; other kinds have no images.</param>
/// <param name="Namespace">request.namespace, else the object's metadata.namespace, else <c>default</c>.</param>
/// <param name="Name">request.name, else the object's metadata.name, else its generateName; empty when none.</param>
/// <param name="Operation">CREATE, UPDATE, DELETE or CONNECT.</param>
/// <param name="DryRun">True when the request will not be persisted, so nothing should be recorded.</param>
/// <param name="UserName">request.userInfo.username, or null.</param>
/// <param name="Annotations">The object's annotations merged with its pod template's; the template wins.</param>
/// <param name="Workload"><c>kind/name</c> lowercase kind, e.g. <c>deployment/web</c>; a controlled Pod names its controller.</param>
/// <param name="Images">Every container image, in containers, initContainers and ephemeralContainers order.</param>
public sealed record AdmissionReviewRequest(
    string ApiVersion,
    string Uid,
    string Kind,
    bool Supported,
    string Namespace,
    string Name,
    string Operation,
    bool DryRun,
    string? UserName,
    IReadOnlyDictionary<string, string> Annotations,
    string Workload,
    IReadOnlyList<ContainerImage> Images)
{
    /// <summary>
    /// A request for one image outside Kubernetes (<c>vivido check</c>): a dry run, so nothing is recorded,
    /// whose single image has no container name.
    /// </summary>
    public static AdmissionReviewRequest ForCheck(string namespaceName, string image, ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(namespaceName);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(reference);
        return new AdmissionReviewRequest(
            AdmissionReviewException.DefaultApiVersion,
            Uid: "",
            Kind: "Pod",
            Supported: true,
            Namespace: namespaceName,
            Name: "",
            Operation: "CHECK",
            DryRun: true,
            UserName: null,
            Annotations: new Dictionary<string, string>(StringComparer.Ordinal),
            Workload: "",
            Images: [new ContainerImage("", "containers", "", image, reference, null)]);
    }
}
