namespace Vivido.Core.Admission;

/// <summary>A workload kind whose pod spec Vivido reads, and where that spec sits in the object.</summary>
internal sealed record WorkloadKind(string Name, string[] Groups, string[] PodSpec, string[]? TemplateMetadata)
{
    private static readonly string[] Template = ["spec", "template", "spec"];
    private static readonly string[] TemplateMeta = ["spec", "template", "metadata"];

    private static readonly WorkloadKind[] All =
    [
        new("Pod", [""], ["spec"], null),
        new("Deployment", ["apps", "extensions"], Template, TemplateMeta),
        new("StatefulSet", ["apps"], Template, TemplateMeta),
        new("DaemonSet", ["apps", "extensions"], Template, TemplateMeta),
        new("ReplicaSet", ["apps", "extensions"], Template, TemplateMeta),
        new("Job", ["batch"], Template, TemplateMeta),
        new("CronJob", ["batch"], ["spec", "jobTemplate", "spec", "template", "spec"], ["spec", "jobTemplate", "spec", "template", "metadata"]),
    ];

    /// <summary>The kind named <paramref name="kind"/>; when the review names a group it must be the kind's own, so that a custom resource of the same name is not misread.</summary>
    public static WorkloadKind? Find(string kind, string? group) =>
        Array.Find(All, k => k.Name == kind && (group is null || k.Groups.Contains(group)));
}
