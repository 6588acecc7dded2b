using System.Formats.Tar;
using System.Globalization;

namespace Vivido.Core.Bundles;

/// <summary>Reads a bundle's tar entries into memory, refusing anything but uniquely named regular files at safe relative paths.</summary>
internal static class BundleArchive
{
    /// <summary>The files by path; at most <paramref name="maxBytes"/> of archive are read.</summary>
    public static async Task<Dictionary<string, byte[]>> ReadAsync(Stream input, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = await BufferAsync(input, maxBytes, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            throw new BundleFormatException("bundle: empty");
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var reader = new TarReader(buffer, leaveOpen: true);
            while (reader.GetNextEntry() is { } entry)
            {
                var name = entry.Name;
                if (!BundlePaths.IsSafe(name))
                {
                    throw new BundleFormatException($"{Shown(name)}: unsafe path (absolute, '..', '.' or empty segment)");
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    throw new BundleFormatException($"{name}: not a regular file ({entry.EntryType})");
                }

                if (files.ContainsKey(name))
                {
                    throw new BundleFormatException($"{name}: duplicate entry");
                }

                files[name] = Content(entry);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException or ArgumentException or OverflowException)
        {
            throw new BundleFormatException($"bundle: not a tar archive ({BundleJson.OneLine(ex.Message)})", ex);
        }

        return files;
    }

    private static byte[] Content(TarEntry entry)
    {
        if (entry.DataStream is null)
        {
            return [];
        }

        using var copy = new MemoryStream();
        entry.DataStream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<MemoryStream> BufferAsync(Stream input, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                throw new BundleFormatException(string.Create(CultureInfo.InvariantCulture, $"bundle: larger than {maxBytes} bytes"));
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static string Shown(string name) => name.Length == 0 ? "(empty name)" : BundleJson.OneLine(name);
}
