using Vivido.Testing;

namespace Vivido.Evidence.Tests;

/// <summary>Reads the shared fixtures through <see cref="EvidenceReader"/>.</summary>
internal static class FixtureDocuments
{
    public static byte[] Bytes(string kind, string file) => File.ReadAllBytes(TestPaths.Fixture(kind, file));

    public static T Read<T>(string kind, string file)
        where T : EvidenceDocument =>
        EvidenceReader.Read(Bytes(kind, file)).ShouldBeOfType<T>();

    /// <summary>The exception's message for <paramref name="json"/>, which must be refused.</summary>
    public static string Refusal(string json, EvidenceReaderOptions? options = null) => Refusal(System.Text.Encoding.UTF8.GetBytes(json), options);

    public static string Refusal(byte[] document, EvidenceReaderOptions? options = null)
    {
        var error = Should.Throw<EvidenceFormatException>(() => EvidenceReader.Read(document, options));
        error.Message.ShouldNotContain("\n");
        return error.Message;
    }
}
