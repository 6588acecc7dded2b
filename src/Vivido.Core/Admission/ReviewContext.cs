using System.Text.Json;

namespace Vivido.Core.Admission;

/// <summary>Typed reads from a review's JSON that fail with an <see cref="AdmissionReviewException"/> carrying what is known so far.</summary>
internal sealed class ReviewContext
{
    public string? Uid { get; set; }

    public string ApiVersion { get; set; } = AdmissionReviewException.DefaultApiVersion;

    public AdmissionReviewException Fail(string message) => new(message, Uid, ApiVersion);

    /// <summary>The member when it is an object; null when missing or null; fails on any other type.</summary>
    public JsonElement? Object(JsonElement? parent, string name, string path) => Typed(parent, name, path, JsonValueKind.Object, "an object");

    /// <summary>The member when it is an array; null when missing or null; fails on any other type.</summary>
    public JsonElement? Array(JsonElement? parent, string name, string path) => Typed(parent, name, path, JsonValueKind.Array, "an array");

    /// <summary>The member's text; null when missing or null; fails on any other type.</summary>
    public string? String(JsonElement? parent, string name, string path) =>
        Typed(parent, name, path, JsonValueKind.String, "a string") is { } value ? Text(value, path) : null;

    /// <summary>The member's boolean; null when missing or null; fails on any other type.</summary>
    public bool? Boolean(JsonElement? parent, string name, string path)
    {
        var value = Member(parent, name);
        return value?.ValueKind switch
        {
            null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"{path} must be a boolean"),
        };
    }

    /// <summary>A string element's text; fails when its escapes do not form valid UTF-16.</summary>
    public string Text(JsonElement value, string path)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw Fail($"{path} is not a valid string");
        }
    }

    /// <summary>A property's name; fails when its escapes do not form valid UTF-16.</summary>
    public string Name(JsonProperty property, string path)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw Fail($"{path} has a member name that is not a valid string");
        }
    }

    private static JsonElement? Member(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private JsonElement? Typed(JsonElement? parent, string name, string path, JsonValueKind kind, string expected)
    {
        var value = Member(parent, name);
        if (value is { } present && present.ValueKind != kind)
        {
            throw Fail($"{path} must be {expected}");
        }

        return value;
    }
}
