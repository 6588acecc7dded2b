using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Yaml;

/// <summary>Parses YAML text into one document's root node, turning every parser failure into a diagnostic.</summary>
internal static class YamlDocumentReader
{
    public static YamlNode? Read(string text, DiagnosticBag diagnostics)
    {
        var scanner = new Scanner(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(SourcePosition.Of(ex.Start), Describe(ex.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections.
            diagnostics.Add(SourcePosition.Of(scanner.CurrentPosition), "YAML syntax error: unterminated or malformed flow collection");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new SourcePosition(1, 1), "the file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(stream.Documents[1].RootNode, $"expected one YAML document, found {stream.Documents.Count}");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    private static string Describe(string message)
    {
        const string duplicate = "Duplicate key ";
        if (message.StartsWith(duplicate, StringComparison.Ordinal))
        {
            return $"duplicate key '{message[duplicate.Length..]}'";
        }

        var text = message.TrimEnd('.');
        if (text.Length > 0)
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return "YAML syntax error: " + text;
    }
}
