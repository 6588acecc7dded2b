using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Vivido.Cel.Tests;

/// <summary>Randomised properties checked with FsCheck.</summary>
public class PropertyTests
{
    [Fact]
    public void IntArithmetic_MatchesCheckedArithmeticOrReportsOverflow() =>
        Prop.ForAll<long, long>((a, b) =>
        {
            var activation = new CelActivation().Set("a", CelValue.Int(a)).Set("b", CelValue.Int(b));
            return Agrees(Cel.Eval("a + b", activation), () => checked(a + b))
                && Agrees(Cel.Eval("a - b", activation), () => checked(a - b))
                && Agrees(Cel.Eval("a * b", activation), () => checked(a * b));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void NumericEquality_AgreesWithHashAndOrdering() =>
        Prop.ForAll<int, int>((x, y) =>
        {
            var a = CelValue.Int(x);
            var b = CelValue.Double(y);
            var equal = a.Equals(b);
            var activation = new CelActivation().Set("a", a).Set("b", b);
            return equal == (x == y)
                && (!equal || a.GetHashCode() == b.GetHashCode())
                && Cel.Eval("a < b", activation).AsBool() == (x < y)
                && Cel.Eval("a == b", activation).AsBool() == equal;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void StringLiteral_EscapedText_EvaluatesToOriginal() =>
        Prop.ForAll<string>(text =>
        {
            var value = text ?? string.Empty;
            if (!IsValidUtf16(value))
            {
                return true;
            }

            return Cel.Eval(Escape(value)).AsString() == value
                && Cel.Eval("size(" + Escape(value) + ")").AsInt() == value.EnumerateRunes().Count();
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Timestamp_StringConversion_RoundTrips() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, 999_999_999))), pair =>
        {
            var seconds = (long)pair.Item1 * 117 - 62_135_596_800L;
            var value = CelValue.Timestamp(Math.Min(seconds, 253_402_300_799L), pair.Item2);
            var activation = new CelActivation().Set("t", value);
            return Cel.Eval("timestamp(string(t)) == t", activation).AsBool();
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Duration_StringConversion_RoundTrips() =>
        Prop.ForAll<int, int>((seconds, nanos) =>
        {
            var value = CelValue.Duration((long)seconds * 100, nanos);
            var activation = new CelActivation().Set("d", value);
            return Cel.Eval("duration(string(d)) == d && -(-d) == d", activation).AsBool();
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void DoubleToString_RoundTripsThroughDouble() =>
        Prop.ForAll<double>(d =>
        {
            if (!double.IsFinite(d))
            {
                return true;
            }

            var text = Cel.Eval("string(x)", "x", CelValue.Double(d)).AsString();
            return Cel.Eval("double(s)", "s", CelValue.String(text)).AsDouble().Equals(d);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Json_SerializedValues_ParseBack() =>
        Prop.ForAll<int, string, bool>((number, text, flag) =>
        {
            var value = Cel.Map(
                ("n", CelValue.Int(number)),
                ("s", CelValue.String(IsValidUtf16(text ?? string.Empty) ? text ?? string.Empty : "x")),
                ("b", CelValue.Bool(flag)),
                ("l", CelValue.List([CelValue.Null, CelValue.Double(0.5)])));
            using var document = System.Text.Json.JsonDocument.Parse(CelJson.Serialize(value));
            return CelJson.FromJson(document.RootElement).Equals(value);
        }).QuickCheckThrowOnFailure();

    private static bool Agrees(CelValue result, Func<long> expected)
    {
        try
        {
            var value = expected();
            return !result.IsError && result.AsInt() == value;
        }
        catch (OverflowException)
        {
            return result.IsError && result.ErrorMessage.Contains("overflow", StringComparison.Ordinal);
        }
    }

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.Value switch
            {
                < 0x20 or '"' or '\\' => "\\x" + rune.Value.ToString("x2", CultureInfo.InvariantCulture),
                > 0xFFFF => "\\U" + rune.Value.ToString("X8", CultureInfo.InvariantCulture),
                _ => rune.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
