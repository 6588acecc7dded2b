namespace Vivido.Cel.Evaluation;

/// <summary>CEL runtime errors. Fixed messages are preallocated so that raising them allocates nothing.</summary>
internal static class Errors
{
    public static readonly CelValue CostLimitExceeded = CelValue.Error("cost limit exceeded");
    public static readonly CelValue ResultSizeExceeded = CelValue.Error("result size limit exceeded");
    public static readonly CelValue DivideByZero = CelValue.Error("divide by zero");
    public static readonly CelValue ModulusByZero = CelValue.Error("modulus by zero");
    public static readonly CelValue IntOverflow = CelValue.Error("integer overflow");
    public static readonly CelValue UintOverflow = CelValue.Error("unsigned integer overflow");
    public static readonly CelValue IndexOutOfRange = CelValue.Error("index out of range");
    public static readonly CelValue TimestampOutOfRange = CelValue.Error("timestamp out of range");
    public static readonly CelValue DurationOutOfRange = CelValue.Error("duration out of range");
    public static readonly CelValue RegexTimeout = CelValue.Error("regular expression match timed out");

    public static CelValue NoMatchingOverload(string function, CelValue arg) =>
        CelValue.Error($"no matching overload for '{function}' applied to ({Describe(arg)})");

    public static CelValue NoMatchingOverload(string function, CelValue left, CelValue right) =>
        CelValue.Error($"no matching overload for '{function}' applied to ({Describe(left)}, {Describe(right)})");

    public static CelValue NoSuchKey(CelValue key) =>
        CelValue.Error("no such key: " + Shorten(key.ToString()));

    public static CelValue UndeclaredReference(string name) =>
        CelValue.Error($"undeclared reference to '{name}' (in container '')");

    public static CelValue Invalid(string message) => CelValue.Error(message);

    /// <summary>Cuts user-supplied text in messages, so that errors raised in loops stay cheap.</summary>
    public static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");

    private static string Describe(CelValue value) => value.IsError ? "error" : value.TypeName;
}
