using Vivido.Cel.Evaluation;
using Vivido.Cel.Time;

namespace Vivido.Cel.Functions;

/// <summary>
/// The standard function table, bound at compile time by name, call style and argument count
/// (a receiver counts as the first argument).
/// </summary>
internal static class Builtins
{
    private const int ZoneLookupCost = 20;

    /// <summary>One-argument functions; <paramref name="foldable"/> when a constant argument may be evaluated at compile time.</summary>
    public static bool TryUnary(string name, bool receiverStyle, out UnaryFunction function, out bool foldable)
    {
        foldable = !receiverStyle;
        function = (name, receiverStyle) switch
        {
            ("size", _) => StringFunctions.Size,
            ("int", false) => Conversions.ToInt,
            ("uint", false) => Conversions.ToUint,
            ("double", false) => Conversions.ToDouble,
            ("string", false) => Conversions.ToStringValue,
            ("bytes", false) => Conversions.ToBytes,
            ("bool", false) => Conversions.ToBool,
            ("type", false) => Conversions.TypeOf,
            ("dyn", false) => Conversions.Dyn,
            ("timestamp", false) => Conversions.ToTimestamp,
            ("duration", false) => Conversions.ToDuration,
            _ => null!,
        };

        if (function is null && receiverStyle && TimeAccessors.TryGetField(name, out var field))
        {
            function = (CelValue target, ref EvalState state) => TimeAccessors.Get(target, field, name);
        }

        return function is not null;
    }

    public static bool TryBinary(string name, bool receiverStyle, out BinaryFunction function)
    {
        function = (name, receiverStyle) switch
        {
            ("contains", _) => StringFunctions.Contains,
            ("startsWith", _) => StringFunctions.StartsWith,
            ("endsWith", _) => StringFunctions.EndsWith,
            ("matches", _) => RegexFunctions.Matches,
            _ => null!,
        };

        if (function is null && receiverStyle && TimeAccessors.TryGetField(name, out var field))
        {
            // Zone lookups may touch the time zone database, so they cost more than a plain step.
            function = (CelValue target, CelValue zone, ref EvalState state) =>
                state.Charge(ZoneLookupCost) ? TimeAccessors.Get(target, zone, field, name) : state.Abort;
        }

        return function is not null;
    }
}
