using System.Globalization;
using System.Text;
using Vivido.Cel.Evaluation;
using Vivido.Cel.Time;

namespace Vivido.Cel.Functions;

/// <summary>The type conversion functions int(), uint(), double(), string(), bytes(), bool(), type(), dyn().</summary>
internal static class Conversions
{
    // 2^63 and 2^64 as doubles: conversions must stay strictly inside these bounds.
    private const double TwoPow63 = 9.2233720368547758e18;
    private const double TwoPow64 = 1.8446744073709552e19;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CelValue ToInt(CelValue value, ref EvalState state)
    {
        switch (value.Kind)
        {
            case CelKind.Int:
                return value;
            case CelKind.Uint:
                return value.RawUint <= long.MaxValue ? CelValue.Int((long)value.RawUint) : Errors.IntOverflow;
            case CelKind.Double:
                var d = value.RawDouble;
                return d > -TwoPow63 && d < TwoPow63 ? CelValue.Int((long)d) : Errors.IntOverflow;
            case CelKind.String:
                return long.TryParse((string)value.RawRef!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? CelValue.Int(parsed)
                    : Errors.Invalid($"cannot convert string to int: '{Errors.Shorten(value.AsString())}'");
            case CelKind.Timestamp:
                return CelValue.Int(value.RawSeconds);
            default:
                return Errors.NoMatchingOverload("int", value);
        }
    }

    public static CelValue ToUint(CelValue value, ref EvalState state)
    {
        switch (value.Kind)
        {
            case CelKind.Uint:
                return value;
            case CelKind.Int:
                return value.RawInt >= 0 ? CelValue.Uint((ulong)value.RawInt) : Errors.UintOverflow;
            case CelKind.Double:
                var d = value.RawDouble;
                return d >= 0 && d < TwoPow64 ? CelValue.Uint((ulong)d) : Errors.UintOverflow;
            case CelKind.String:
                return ulong.TryParse((string)value.RawRef!, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                    ? CelValue.Uint(parsed)
                    : Errors.Invalid($"cannot convert string to uint: '{Errors.Shorten(value.AsString())}'");
            default:
                return Errors.NoMatchingOverload("uint", value);
        }
    }

    public static CelValue ToDouble(CelValue value, ref EvalState state) => value.Kind switch
    {
        CelKind.Double => value,
        CelKind.Int => CelValue.Double(value.RawInt),
        CelKind.Uint => CelValue.Double(value.RawUint),
        CelKind.String => ParseDouble((string)value.RawRef!),
        _ => Errors.NoMatchingOverload("double", value),
    };

    public static CelValue ToStringValue(CelValue value, ref EvalState state)
    {
        switch (value.Kind)
        {
            case CelKind.String:
                return value;
            case CelKind.Int:
                return CelValue.String(value.RawInt.ToString(CultureInfo.InvariantCulture));
            case CelKind.Uint:
                return CelValue.String(value.RawUint.ToString(CultureInfo.InvariantCulture));
            case CelKind.Double:
                return CelValue.String(DoubleFormat.Format(value.RawDouble));
            case CelKind.Bool:
                return CelValue.String(value.RawBool ? "true" : "false");
            case CelKind.Bytes:
                var bytes = (byte[])value.RawRef!;
                if (!state.Charge(bytes.Length / 16))
                {
                    return state.Abort;
                }

                try
                {
                    return CelValue.String(StrictUtf8.GetString(bytes));
                }
                catch (DecoderFallbackException)
                {
                    return Errors.Invalid("invalid UTF-8 in bytes, cannot convert to string");
                }

            case CelKind.Timestamp:
                return CelValue.String(TimeMath.FormatTimestamp(value.RawSeconds, value.RawNanos));
            case CelKind.Duration:
                return CelValue.String(TimeMath.FormatDuration(value.RawSeconds, value.RawNanos));
            default:
                return Errors.NoMatchingOverload("string", value);
        }
    }

    public static CelValue ToBytes(CelValue value, ref EvalState state)
    {
        switch (value.Kind)
        {
            case CelKind.Bytes:
                return value;
            case CelKind.String:
                var text = (string)value.RawRef!;
                return state.Charge(text.Length / 16) ? CelValue.Bytes(Encoding.UTF8.GetBytes(text)) : state.Abort;
            default:
                return Errors.NoMatchingOverload("bytes", value);
        }
    }

    public static CelValue ToBool(CelValue value, ref EvalState state)
    {
        if (value.Kind == CelKind.Bool)
        {
            return value;
        }

        if (value.Kind != CelKind.String)
        {
            return Errors.NoMatchingOverload("bool", value);
        }

        return (string)value.RawRef! switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => CelValue.True,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => CelValue.False,
            _ => Errors.Invalid($"cannot convert string to bool: '{Errors.Shorten(value.AsString())}'"),
        };
    }

    public static CelValue TypeOf(CelValue value, ref EvalState state) => CelValue.TypeValue(value.TypeName);

    public static CelValue Dyn(CelValue value, ref EvalState state) => value;

    public static CelValue ToTimestamp(CelValue value, ref EvalState state) => value.Kind switch
    {
        CelKind.Timestamp => value,
        CelKind.String => TimeValues.ParseTimestamp((string)value.RawRef!),
        CelKind.Int => TimeValues.Timestamp(value.RawInt),
        _ => Errors.NoMatchingOverload("timestamp", value),
    };

    public static CelValue ToDuration(CelValue value, ref EvalState state) => value.Kind switch
    {
        CelKind.Duration => value,
        CelKind.String => TimeValues.ParseDuration((string)value.RawRef!),
        _ => Errors.NoMatchingOverload("duration", value),
    };

    private static CelValue ParseDouble(string text)
    {
        switch (text.ToUpperInvariant())
        {
            case "NAN":
                return CelValue.Double(double.NaN);
            case "INF" or "+INF" or "INFINITY" or "+INFINITY":
                return CelValue.Double(double.PositiveInfinity);
            case "-INF" or "-INFINITY":
                return CelValue.Double(double.NegativeInfinity);
        }

        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return double.TryParse(text, style, CultureInfo.InvariantCulture, out var parsed)
            ? CelValue.Double(parsed)
            : Errors.Invalid($"cannot convert string to double: '{Errors.Shorten(text)}'");
    }
}
