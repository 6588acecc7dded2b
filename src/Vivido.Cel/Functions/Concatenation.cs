using Vivido.Cel.Evaluation;
using Vivido.Cel.Values;

namespace Vivido.Cel.Functions;

/// <summary>String, bytes and list concatenation, charged against the result-size budget.</summary>
internal static class Concatenation
{
    public static CelValue Strings(string a, string b, ref EvalState state)
    {
        if (a.Length == 0)
        {
            return CelValue.String(b);
        }

        if (b.Length == 0)
        {
            return CelValue.String(a);
        }

        return state.Produce((long)a.Length + b.Length) ? CelValue.String(string.Concat(a, b)) : state.Abort;
    }

    public static CelValue Bytes(byte[] a, byte[] b, ref EvalState state)
    {
        if (!state.Produce((long)a.Length + b.Length))
        {
            return state.Abort;
        }

        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return CelValue.Bytes(result);
    }

    public static CelValue Lists(CelList a, CelList b, ref EvalState state)
    {
        if (a.Count == 0)
        {
            return CelValue.List(b);
        }

        if (b.Count == 0)
        {
            return CelValue.List(a);
        }

        if (!state.Produce((long)a.Count + b.Count))
        {
            return state.Abort;
        }

        var items = new CelValue[a.Count + b.Count];
        for (var i = 0; i < a.Count; i++)
        {
            items[i] = a[i];
        }

        for (var i = 0; i < b.Count; i++)
        {
            items[a.Count + i] = b[i];
        }

        return CelValue.List(new ArrayCelList(items));
    }
}
