using Vivido.Cel;

namespace Vivido.Benchmarks;

/// <summary>The same typical image as CEL values and as plain .NET dictionaries (for the native ceiling).</summary>
internal static class TypicalImage
{
    public static Dictionary<string, object> Native() => new()
    {
        ["digest"] = "sha256:" + new string('a', 64),
        ["repository"] = "registry.example.com/team/payment-api",
        ["state"] = "Staged",
        ["scan"] = new Dictionary<string, object> { ["critical"] = 0L, ["high"] = 2L, ["score"] = 9.4 },
    };

    public static CelValue Cel() => CelValue.Map(new Dictionary<string, CelValue>
    {
        ["digest"] = CelValue.String("sha256:" + new string('a', 64)),
        ["repository"] = CelValue.String("registry.example.com/team/payment-api"),
        ["state"] = CelValue.String("Staged"),
        ["tags"] = CelValue.List([CelValue.String("v1.4.2"), CelValue.String("latest")]),
        ["scan"] = CelValue.Map(new Dictionary<string, CelValue>
        {
            ["scanner"] = CelValue.String("trivy"),
            ["critical"] = CelValue.Int(0),
            ["high"] = CelValue.Int(2),
            ["medium"] = CelValue.Int(5),
            ["low"] = CelValue.Int(11),
            ["score"] = CelValue.Double(9.4),
        }),
        ["approvals"] = CelValue.List(
        [
            CelValue.Map(new Dictionary<string, CelValue> { ["actor"] = CelValue.String("dana"), ["role"] = CelValue.String("qa") }),
            CelValue.Map(new Dictionary<string, CelValue> { ["actor"] = CelValue.String("lee"), ["role"] = CelValue.String("release-manager") }),
        ]),
    });
}
