using System.Text.Json;

namespace Vivido.Core.Admission;

/// <summary>Reads the parts of a reviewed object below its envelope: container images, annotations and the workload name.</summary>
internal sealed class PodSpecReader(ReviewContext context)
{
    private static readonly string[] Sections = ["containers", "initContainers", "ephemeralContainers"];

    public IReadOnlyList<ContainerImage> Images(JsonElement obj, WorkloadKind kind)
    {
        var spec = Navigate(obj, kind.PodSpec);
        if (spec is null)
        {
            return [];
        }

        var pointer = "/" + string.Join('/', kind.PodSpec);
        var path = "request.object." + string.Join('.', kind.PodSpec);
        var images = new List<ContainerImage>();
        foreach (var section in Sections)
        {
            var containers = context.Array(spec, section, $"{path}.{section}");
            if (containers is null)
            {
                continue;
            }

            var index = 0;
            foreach (var container in containers.Value.EnumerateArray())
            {
                var at = $"{path}.{section}[{index}]";
                if (container.ValueKind != JsonValueKind.Object)
                {
                    throw context.Fail($"{at} must be an object");
                }

                // Workload templates may leave the image to later tooling; the API server requires it on Pods.
                if (context.String(container, "image", $"{at}.image") is { } image)
                {
                    var name = context.String(container, "name", $"{at}.name") ?? "";
                    ImageReference.TryParse(image, out var reference, out var error);
                    images.Add(new ContainerImage(name, section, $"{pointer}/{section}/{index}/image", image, reference, error));
                }

                index++;
            }
        }

        return images;
    }

    public IReadOnlyDictionary<string, string> Annotations(JsonElement? obj, WorkloadKind? kind)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(merged, context.Object(obj, "metadata", "request.object.metadata"), "request.object.metadata");
        if (kind?.TemplateMetadata is { } templatePath && obj is { } present)
        {
            Add(merged, Navigate(present, templatePath), "request.object." + string.Join('.', templatePath));
        }

        return merged;
    }

    public string Workload(JsonElement? metadata, string kind, string name)
    {
        if (kind == "Pod" && context.Array(metadata, "ownerReferences", "request.object.metadata.ownerReferences") is { } owners)
        {
            foreach (var owner in owners.EnumerateArray())
            {
                if (owner.ValueKind == JsonValueKind.Object
                    && context.Boolean(owner, "controller", "request.object.metadata.ownerReferences[].controller") == true
                    && context.String(owner, "kind", "request.object.metadata.ownerReferences[].kind") is { Length: > 0 } ownerKind
                    && context.String(owner, "name", "request.object.metadata.ownerReferences[].name") is { Length: > 0 } ownerName)
                {
                    return $"{ownerKind.ToLowerInvariant()}/{ownerName}";
                }
            }
        }

        return $"{kind.ToLowerInvariant()}/{name}";
    }

    private void Add(Dictionary<string, string> merged, JsonElement? metadata, string path)
    {
        // Kubernetes only allows string annotation values; anything else is not an annotation Vivido reads.
        if (context.Object(metadata, "annotations", path + ".annotations") is not { } annotations)
        {
            return;
        }

        foreach (var property in annotations.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                merged[context.Name(property, path + ".annotations")] = context.Text(property.Value, $"{path}.annotations");
            }
        }
    }

    private JsonElement? Navigate(JsonElement obj, string[] segments)
    {
        JsonElement? current = obj;
        var path = "request.object";
        foreach (var segment in segments)
        {
            path += "." + segment;
            current = context.Object(current, segment, path);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
