using Vivido.Testing;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>The cel-spec conformance files Vivido runs, their pass targets, and loading them as cases.</summary>
internal static class ConformanceSuite
{
    /// <summary>Required percentage of non-skipped cases that must pass, per file.</summary>
    public static IReadOnlyDictionary<string, int> TargetPercents { get; } = new Dictionary<string, int>
    {
        ["basic"] = 100,
        ["comparisons"] = 100,
        ["conversions"] = 95,
        ["integer_math"] = 100,
        ["lists"] = 100,
        ["logic"] = 100,
        ["macros"] = 100,
        ["parse"] = 95,
        ["plumbing"] = 100,
        ["string"] = 100,
        ["timestamps"] = 95,
    };

    public static IReadOnlyList<string> FileNames { get; } = [.. TargetPercents.Keys.Order(StringComparer.Ordinal)];

    public static IReadOnlyList<ConformanceCase> Load(string fileName)
    {
        var file = TextProtoParser.ParseFile(TestPaths.Fixture("cel-spec", fileName + ".textproto"));
        return
        [
            .. from section in file.Messages("section")
               from test in section.Messages("test")
               select new ConformanceCase(fileName, section.String("name"), test),
        ];
    }
}
