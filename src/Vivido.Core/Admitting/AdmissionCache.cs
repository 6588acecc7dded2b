using System.Collections.Concurrent;

namespace Vivido.Core.Admitting;

/// <summary>
/// What admission looked up recently, so a burst of reviews for the same images (every pod of a
/// rollout) costs no store round trips. Entries live <see cref="AdmissionOptions.CacheTtl"/>: a state
/// change, on this replica or another, is seen by admission at most that late. Each map is emptied
/// when it grows past <see cref="MaxEntries"/>, which bounds memory without bookkeeping.
/// </summary>
internal sealed class AdmissionCache(TimeProvider time, TimeSpan ttl)
{
    public const int MaxEntries = 100_000;

    /// <summary>How long a recorded deployment is remembered, so re-admissions skip the store entirely.</summary>
    private static readonly TimeSpan RecordedFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry<ImageState?>> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Repository, string Tag), Entry<string?>> _tags = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recorded = new(StringComparer.Ordinal);

    public bool Enabled => ttl > TimeSpan.Zero;

    public async Task<ImageState?> ImageAsync(string digest, Func<Task<ImageState?>> load) =>
        await GetAsync(_images, digest, load).ConfigureAwait(false);

    public async Task<string?> TagAsync(string repository, string tag, Func<Task<string?>> load) =>
        await GetAsync(_tags, (repository, tag), load).ConfigureAwait(false);

    /// <summary>True when this deployment was recorded (or found recorded) recently.</summary>
    public bool WasRecorded(string key) => _recorded.TryGetValue(key, out var until) && until > time.GetUtcNow();

    public void Recorded(string key)
    {
        Trim(_recorded);
        _recorded[key] = time.GetUtcNow() + RecordedFor;
    }

    private async Task<T> GetAsync<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> map, TKey key, Func<Task<T>> load)
        where TKey : notnull
    {
        var now = time.GetUtcNow();
        if (Enabled && map.TryGetValue(key, out var entry) && entry.Until > now)
        {
            return entry.Value;
        }

        var value = await load().ConfigureAwait(false);
        if (Enabled)
        {
            Trim(map);
            map[key] = new Entry<T>(value, now + ttl);
        }

        return value;
    }

    private static void Trim<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map)
        where TKey : notnull
    {
        if (map.Count >= MaxEntries)
        {
            map.Clear();
        }
    }

    private readonly record struct Entry<T>(T Value, DateTimeOffset Until);
}

/// <summary>A registered digest's repository and state, as admission needs it.</summary>
internal sealed record ImageState(string Repository, string State);
