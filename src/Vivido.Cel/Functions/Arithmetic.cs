using Vivido.Cel.Evaluation;
using Vivido.Cel.Time;

namespace Vivido.Cel.Functions;

/// <summary>
/// + - * / % and unary minus. Integer overflow and division by zero are errors; doubles follow IEEE;
/// mixed numeric kinds have no overload (1 + 1u is an error), as in CEL.
/// </summary>
internal static class Arithmetic
{
    public static CelValue Add(CelValue a, CelValue b, ref EvalState state)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelKind.Int, CelKind.Int):
                var sum = a.RawInt + b.RawInt;
                return ((a.RawInt ^ sum) & (b.RawInt ^ sum)) < 0 ? Errors.IntOverflow : CelValue.Int(sum);
            case (CelKind.Uint, CelKind.Uint):
                var usum = a.RawUint + b.RawUint;
                return usum < a.RawUint ? Errors.UintOverflow : CelValue.Uint(usum);
            case (CelKind.Double, CelKind.Double):
                return CelValue.Double(a.RawDouble + b.RawDouble);
            case (CelKind.String, CelKind.String):
                return Concatenation.Strings((string)a.RawRef!, (string)b.RawRef!, ref state);
            case (CelKind.Bytes, CelKind.Bytes):
                return Concatenation.Bytes((byte[])a.RawRef!, (byte[])b.RawRef!, ref state);
            case (CelKind.List, CelKind.List):
                return Concatenation.Lists((CelList)a.RawRef!, (CelList)b.RawRef!, ref state);
            case (CelKind.Timestamp, CelKind.Duration):
            case (CelKind.Duration, CelKind.Timestamp):
                return TimeValues.Timestamp(TimeValues.TotalNanos(a) + TimeValues.TotalNanos(b));
            case (CelKind.Duration, CelKind.Duration):
                return TimeValues.Duration(TimeValues.TotalNanos(a) + TimeValues.TotalNanos(b));
            default:
                return Mismatch("_+_", a, b);
        }
    }

    public static CelValue Subtract(CelValue a, CelValue b, ref EvalState state)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelKind.Int, CelKind.Int):
                var difference = a.RawInt - b.RawInt;
                return ((a.RawInt ^ b.RawInt) & (a.RawInt ^ difference)) < 0 ? Errors.IntOverflow : CelValue.Int(difference);
            case (CelKind.Uint, CelKind.Uint):
                return b.RawUint > a.RawUint ? Errors.UintOverflow : CelValue.Uint(a.RawUint - b.RawUint);
            case (CelKind.Double, CelKind.Double):
                return CelValue.Double(a.RawDouble - b.RawDouble);
            case (CelKind.Timestamp, CelKind.Timestamp):
                return TimeValues.Duration(TimeValues.TotalNanos(a) - TimeValues.TotalNanos(b));
            case (CelKind.Timestamp, CelKind.Duration):
                return TimeValues.Timestamp(TimeValues.TotalNanos(a) - TimeValues.TotalNanos(b));
            case (CelKind.Duration, CelKind.Duration):
                return TimeValues.Duration(TimeValues.TotalNanos(a) - TimeValues.TotalNanos(b));
            default:
                return Mismatch("_-_", a, b);
        }
    }

    public static CelValue Multiply(CelValue a, CelValue b, ref EvalState state)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelKind.Int, CelKind.Int):
                var product = Math.BigMul(a.RawInt, b.RawInt, out var low);
                return (product == 0 && low >= 0) || (product == -1 && low < 0) ? CelValue.Int(low) : Errors.IntOverflow;
            case (CelKind.Uint, CelKind.Uint):
                var high = Math.BigMul(a.RawUint, b.RawUint, out var ulow);
                return high == 0 ? CelValue.Uint(ulow) : Errors.UintOverflow;
            case (CelKind.Double, CelKind.Double):
                return CelValue.Double(a.RawDouble * b.RawDouble);
            default:
                return Mismatch("_*_", a, b);
        }
    }

    public static CelValue Divide(CelValue a, CelValue b, ref EvalState state)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelKind.Int, CelKind.Int):
                if (b.RawInt == 0)
                {
                    return Errors.DivideByZero;
                }

                return a.RawInt == long.MinValue && b.RawInt == -1 ? Errors.IntOverflow : CelValue.Int(a.RawInt / b.RawInt);
            case (CelKind.Uint, CelKind.Uint):
                return b.RawUint == 0 ? Errors.DivideByZero : CelValue.Uint(a.RawUint / b.RawUint);
            case (CelKind.Double, CelKind.Double):
                return CelValue.Double(a.RawDouble / b.RawDouble);
            default:
                return Mismatch("_/_", a, b);
        }
    }

    public static CelValue Modulo(CelValue a, CelValue b, ref EvalState state)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelKind.Int, CelKind.Int):
                if (b.RawInt == 0)
                {
                    return Errors.ModulusByZero;
                }

                return a.RawInt == long.MinValue && b.RawInt == -1 ? Errors.IntOverflow : CelValue.Int(a.RawInt % b.RawInt);
            case (CelKind.Uint, CelKind.Uint):
                return b.RawUint == 0 ? Errors.ModulusByZero : CelValue.Uint(a.RawUint % b.RawUint);
            default:
                return Mismatch("_%_", a, b);
        }
    }

    public static CelValue Negate(CelValue a) => a.Kind switch
    {
        CelKind.Int => a.RawInt == long.MinValue ? Errors.IntOverflow : CelValue.Int(-a.RawInt),
        CelKind.Double => CelValue.Double(-a.RawDouble),
        CelKind.Duration => TimeValues.Duration(-TimeValues.TotalNanos(a)),
        CelKind.Error => a,
        _ => Errors.NoMatchingOverload("-_", a),
    };

    private static CelValue Mismatch(string function, CelValue a, CelValue b)
    {
        if (a.IsError)
        {
            return a;
        }

        return b.IsError ? b : Errors.NoMatchingOverload(function, a, b);
    }
}
