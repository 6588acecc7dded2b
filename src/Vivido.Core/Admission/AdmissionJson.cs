using System.Text.Encodings.Web;

namespace Vivido.Core.Admission;

/// <summary>JSON settings shared by the admission writers.</summary>
internal static class AdmissionJson
{
    // Responses go to the API server, never into HTML, so quotes and '+' in messages can stay readable.
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
