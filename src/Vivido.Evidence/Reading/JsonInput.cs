using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Vivido.Evidence.Reading;

/// <summary>
/// Parses UTF-8 JSON once, without copying it, and turns every way it can fail into a one-line reason:
/// not UTF-8, nested too deeply, truncated, or invalid (with the line and byte JSON reports).
/// </summary>
internal static class JsonInput
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Parses <paramref name="utf8"/>; <paramref name="what"/> names it in messages ("the document", "the DSSE payload").</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, int maxDepth, string what)
    {
        if (utf8.Span.StartsWith(Bom))
        {
            utf8 = utf8[Bom.Length..];
        }

        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new EvidenceFormatException($"{what} is empty");
        }

        if (!Utf8.IsValid(utf8.Span))
        {
            throw new EvidenceFormatException($"{what} is not valid UTF-8 (byte {FirstInvalidUtf8(utf8.Span)})");
        }

        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException parseError)
        {
            throw Diagnose(utf8.Span, maxDepth, what, parseError);
        }
    }

    /// <summary>Re-reads the text token by token to say precisely why it is not acceptable JSON.</summary>
    private static EvidenceFormatException Diagnose(ReadOnlySpan<byte> utf8, int maxDepth, string what, JsonException parseError)
    {
        // Not the final block: running out of input returns false instead of throwing, which tells truncation apart from bad syntax.
        var reader = new Utf8JsonReader(utf8, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth + 1 }));
        var completed = false;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    var (line, column) = Position(utf8, reader.TokenStartIndex);
                    return new EvidenceFormatException($"{what} is nested deeper than {maxDepth} levels (line {line}, byte {column})");
                }

                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    completed = true;
                    break;
                }
            }
        }
        catch (JsonException syntaxError)
        {
            return Invalid(what, syntaxError);
        }

        if (!completed)
        {
            return new EvidenceFormatException($"{what} is truncated: the JSON ends at byte {utf8.Length} before its value is complete");
        }

        var rest = utf8[(int)reader.BytesConsumed..];
        var extra = rest.Length - rest.TrimStart(" \t\r\n"u8).Length;
        if (extra < rest.Length)
        {
            var (line, column) = Position(utf8, reader.BytesConsumed + extra);
            return new EvidenceFormatException($"{what} is not valid JSON: unexpected content after the end of the JSON value (line {line}, byte {column})");
        }

        return Invalid(what, parseError);
    }

    private static EvidenceFormatException Invalid(string what, JsonException error)
    {
        // JsonException messages end with "Path: … | LineNumber: … | BytePositionInLine: …"; the position is given once, 1-based.
        var reason = error.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:", " |" })
        {
            var cut = reason.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }
        }

        var position = error.LineNumber is { } line && error.BytePositionInLine is { } column
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {column + 1})")
            : string.Empty;
        return new EvidenceFormatException($"{what} is not valid JSON: {reason.Trim().TrimEnd('.')}{position}", error);
    }

    /// <summary>1-based line and byte-in-line of <paramref name="offset"/>.</summary>
    private static (long Line, long Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)Math.Min(offset, utf8.Length)];
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - lastNewline);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset + 1;
            }

            offset += consumed;
        }

        return offset;
    }
}
