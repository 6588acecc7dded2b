using System.Globalization;
using System.Text;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// The result of one case. <see cref="Detail"/> is the skip reason, or for a failure
/// <c>expected X, got Y</c>; <see cref="PassedAtCompile"/> marks an expected error that
/// <see cref="CelProgram.Compile"/> reported (accepted only for disable_check tests).
/// </summary>
internal sealed record ConformanceOutcome(ConformanceCase Case, ConformanceStatus Status, string Detail, bool PassedAtCompile = false)
{
    private const int MaxExprLength = 160;

    /// <summary><c>file/section/test: expr -> expected X, got Y</c> on one line.</summary>
    public string FailureLine => $"{Case.Id}: {OneLine(Case.Expr)} -> {Detail}";

    /// <summary>Control characters escaped so each failure stays on one line; long expressions shortened.</summary>
    private static string OneLine(string expr)
    {
        var text = new StringBuilder();
        foreach (var c in expr)
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                < ' ' => text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => text.Append(c),
            };
        }

        return text.Length <= MaxExprLength ? text.ToString() : text.ToString(0, MaxExprLength - 3) + "...";
    }
}
