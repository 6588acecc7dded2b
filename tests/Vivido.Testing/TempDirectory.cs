namespace Vivido.Testing;

/// <summary>Cleanup of the temp directories the throwaway servers live in.</summary>
internal static class TempDirectory
{
    /// <summary>Deletes <paramref name="directory"/> and everything in it; nothing to do when it is already gone.</summary>
    public static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
