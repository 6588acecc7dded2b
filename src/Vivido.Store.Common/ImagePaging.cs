using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>
/// The store-neutral half of <see cref="IImageStore.ListImagesAsync"/>: checking the query and cutting
/// the page. A store fetches <c>Limit + 1</c> rows with ids after <see cref="Start"/>, ordered by id.
/// </summary>
public static class ImagePaging
{
    /// <summary>
    /// The id to list after (0 without a cursor). <see cref="ArgumentException"/> for a limit outside
    /// 1..<see cref="ImageQuery.MaxLimit"/>, <c>InStateLongerThan</c> without <c>Now</c>, or a malformed cursor.
    /// </summary>
    public static long Start(ImageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        StoreArguments.RequireLimit(query.Limit, nameof(query.Limit));
        if (query.InStateLongerThan is not null && query.Now is null)
        {
            throw new ArgumentException("InStateLongerThan needs Now", nameof(query));
        }

        return query.Cursor is null ? 0 : ImageCursor.Decode(query.Cursor);
    }

    /// <summary>The first <paramref name="limit"/> of the fetched rows, and the cursor to the next page when there was one more row.</summary>
    public static (IReadOnlyList<StoredImage> Page, string? Next) Take(IReadOnlyList<StoredImage> rows, int limit)
    {
        var page = rows.Take(limit).ToList();
        return (page, rows.Count > limit ? ImageCursor.Encode(page[^1].Id) : null);
    }
}
