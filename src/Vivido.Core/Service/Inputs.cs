namespace Vivido.Core.Service;

/// <summary>Checks on request fields; each failure names the field as the API spells it.</summary>
internal static class Inputs
{
    public static InvalidInput? Digest(string? digest, string field = "digest") =>
        digest is null ? new InvalidInput(field, $"'{field}' is required")
        : Names.IsDigest(digest) ? null
        : new InvalidInput(field, $"'{field}' must be sha256: followed by 64 lowercase hex digits");

    public static InvalidInput? Repository(string? repository, string field = "repository") =>
        repository is null ? new InvalidInput(field, $"'{field}' is required")
        : Names.IsRepository(repository) ? null
        : new InvalidInput(field, $"'{field}' is not a valid repository name (lowercase path components, optionally after a registry host)");

    public static InvalidInput? Tag(string? tag, string field = "tag") =>
        tag is null ? new InvalidInput(field, $"'{field}' is required")
        : Names.IsTag(tag) ? null
        : new InvalidInput(field, $"'{field}' must be 1-128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");

    /// <summary>Optional free text: at most <see cref="Names.MaxText"/> characters.</summary>
    public static InvalidInput? Text(string? text, string field) =>
        text is { Length: > Names.MaxText } ? new InvalidInput(field, $"'{field}' is longer than {Names.MaxText} characters") : null;

    /// <summary>Mandatory free text: present, not blank, not too long.</summary>
    public static InvalidInput? RequiredText(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? new InvalidInput(field, $"'{field}' is required") : Text(text, field);

    /// <summary>A string map (attributes, params): bounded count, valid keys, string values.</summary>
    public static InvalidInput? Map(IReadOnlyDictionary<string, string>? map, string field)
    {
        if (map is null)
        {
            return null;
        }

        if (map.Count > Names.MaxEntries)
        {
            return new InvalidInput(field, $"'{field}' has more than {Names.MaxEntries} entries");
        }

        foreach (var (key, value) in map)
        {
            if (!Names.IsKey(key))
            {
                return new InvalidInput(field, $"'{field}' has an invalid key (1-128 characters, no whitespace)");
            }

            // The JSON layer cannot refuse null dictionary values, so they are refused here.
            if (value is null)
            {
                return new InvalidInput($"{field}.{key}", $"'{field}.{key}' must be a string");
            }

            if (Text(value, $"{field}.{key}") is { } tooLong)
            {
                return tooLong;
            }
        }

        return null;
    }

    /// <summary>A list of tags: bounded count, each valid.</summary>
    public static InvalidInput? Tags(IReadOnlyList<string>? tags, string field = "tags")
    {
        if (tags is null)
        {
            return null;
        }

        if (tags.Count > Names.MaxEntries)
        {
            return new InvalidInput(field, $"'{field}' has more than {Names.MaxEntries} entries");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (Tag(tags[i], $"{field}[{i}]") is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    public static InvalidInput? Limit(int? limit, int max, string field = "limit") =>
        limit is null || (limit >= 1 && limit <= max)
            ? null
            : new InvalidInput(field, $"'{field}' must be between 1 and {max}");

    /// <summary>The first failure of several checks, or null when all pass.</summary>
    public static InvalidInput? First(params InvalidInput?[] checks) => checks.FirstOrDefault(c => c is not null);
}
