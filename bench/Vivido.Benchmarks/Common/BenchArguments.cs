using System.Globalization;

namespace Vivido.Benchmarks.Common;

/// <summary>The <c>--name value</c> options of a runner; unknown names and malformed values are usage errors.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values;

    private BenchArguments(Dictionary<string, string> values) => _values = values;

    /// <exception cref="BenchUsageException">An unknown option, a missing value or a repeated option.</exception>
    public static BenchArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !known.Contains(name[2..]))
            {
                throw new BenchUsageException($"unknown option '{name}'; expected {string.Join(", ", known.Select(k => "--" + k))}");
            }

            if (i + 1 >= args.Count)
            {
                throw new BenchUsageException($"option '{name}' needs a value");
            }

            if (!values.TryAdd(name[2..], args[i + 1]))
            {
                throw new BenchUsageException($"option '{name}' is given twice");
            }
        }

        return new BenchArguments(values);
    }

    public int Int(string name, int fallback, int min, int max) => (int)Long(name, fallback, min, max);

    public long Long(string name, long fallback, long min, long max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new BenchUsageException($"--{name} must be an integer from {min} to {max}, not '{text}'");
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);
}
