namespace Vivido.Core.Storage;

/// <summary>Filters and paging for <see cref="IImageStore.ListImagesAsync"/>. Results are ordered by registration, oldest first.</summary>
/// <param name="State">Only images in this state.</param>
/// <param name="Repository">Only images of this repository.</param>
/// <param name="Tag">Only images a tag of this name points at.</param>
/// <param name="InStateLongerThan">Only images that entered their state at least this long before <paramref name="Now"/>.</param>
/// <param name="Now">The reference time for <paramref name="InStateLongerThan"/>; required with it.</param>
/// <param name="Limit">Page size, 1..1000.</param>
/// <param name="Cursor">The <see cref="ImagePage.NextCursor"/> of the previous page, or null for the first page.</param>
public sealed record ImageQuery(
    string? State = null,
    string? Repository = null,
    string? Tag = null,
    TimeSpan? InStateLongerThan = null,
    DateTimeOffset? Now = null,
    int Limit = 50,
    string? Cursor = null)
{
    /// <summary>The largest accepted <see cref="Limit"/>.</summary>
    public const int MaxLimit = 1000;
}
