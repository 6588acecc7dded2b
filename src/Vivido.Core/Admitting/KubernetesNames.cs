namespace Vivido.Core.Admitting;

/// <summary>Kubernetes name rules Vivido checks its inputs against.</summary>
internal static class KubernetesNames
{
    /// <summary>An RFC 1123 label: 1-63 lowercase letters, digits and '-', starting and ending with a letter or digit.</summary>
    public static bool IsNamespace(string name) =>
        name.Length is > 0 and <= 63
        && char.IsAsciiLetterLower(name[0]) | char.IsAsciiDigit(name[0])
        && char.IsAsciiLetterLower(name[^1]) | char.IsAsciiDigit(name[^1])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
