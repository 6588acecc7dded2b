using Vivido.Cel.Evaluation;

namespace Vivido.Cel.Functions;

/// <summary>size(), contains(), startsWith() and endsWith(). Matching is ordinal (code unit by code unit).</summary>
internal static class StringFunctions
{
    public static CelValue Size(CelValue value, ref EvalState state) => value.Kind switch
    {
        CelKind.String => CelValue.Int(CountCodePoints((string)value.RawRef!)),
        CelKind.Bytes => CelValue.Int(((byte[])value.RawRef!).Length),
        CelKind.List => CelValue.Int(((CelList)value.RawRef!).Count),
        CelKind.Map => CelValue.Int(((CelMap)value.RawRef!).Count),
        _ => Errors.NoMatchingOverload("size", value),
    };

    public static CelValue Contains(CelValue text, CelValue part, ref EvalState state) =>
        Search(text, part, "contains", ref state, static (t, p) => t.Contains(p, StringComparison.Ordinal));

    public static CelValue StartsWith(CelValue text, CelValue part, ref EvalState state) =>
        Search(text, part, "startsWith", ref state, static (t, p) => t.StartsWith(p, StringComparison.Ordinal));

    public static CelValue EndsWith(CelValue text, CelValue part, ref EvalState state) =>
        Search(text, part, "endsWith", ref state, static (t, p) => t.EndsWith(p, StringComparison.Ordinal));

    /// <summary>Number of Unicode code points: a surrogate pair counts once.</summary>
    public static long CountCodePoints(string text)
    {
        var count = (long)text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }

    private static CelValue Search(CelValue text, CelValue part, string function, ref EvalState state, Func<string, string, bool> test)
    {
        if (text.Kind != CelKind.String || part.Kind != CelKind.String)
        {
            return Errors.NoMatchingOverload(function, text, part);
        }

        var t = (string)text.RawRef!;
        return state.Charge(t.Length / 16) ? CelValue.Bool(test(t, (string)part.RawRef!)) : state.Abort;
    }
}
