using System.Text;

namespace Vivido.Cli;

/// <summary>Plain, aligned columns for people; the last column is not padded.</summary>
internal static class TableWriter
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = new int[headers.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Cell(row, i).Length);
            }
        }

        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var i = 0; i < widths.Length; i++)
            {
                line.Append(i == widths.Length - 1 ? Cell(row, i) : Cell(row, i).PadRight(widths[i] + 2));
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }

    /// <summary>Key-value lines for one object.</summary>
    public static void WritePairs(TextWriter output, IEnumerable<(string Key, string Value)> pairs)
    {
        ArgumentNullException.ThrowIfNull(output);
        var list = pairs.ToList();
        var width = list.Count == 0 ? 0 : list.Max(p => p.Key.Length) + 1;
        foreach (var (key, value) in list)
        {
            output.WriteLine($"{(key + ":").PadRight(width + 1)}{value}");
        }
    }

    private static string Cell(IReadOnlyList<string> row, int index) =>
        index < row.Count ? (row[index] ?? string.Empty).ReplaceLineEndings(" ") : string.Empty;
}
