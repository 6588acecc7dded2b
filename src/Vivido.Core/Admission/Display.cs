using System.Text;

namespace Vivido.Core.Admission;

/// <summary>Makes untrusted text safe to quote in a one-line message: control characters escaped, long text clipped.</summary>
internal static class Display
{
    private const int MaxShown = 100;

    public static string Clip(string text)
    {
        var shown = text.Length > MaxShown ? text[..MaxShown] : text;
        var builder = new StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                builder.Append(@"\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length > MaxShown ? builder.Append('…').ToString() : builder.ToString();
    }
}
