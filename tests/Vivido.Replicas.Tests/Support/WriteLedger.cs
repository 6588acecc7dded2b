using System.Collections.Concurrent;
using System.Text.Json;

namespace Vivido.Replicas.Tests.Support;

/// <summary>
/// What the replicas answered to concurrent clients: registrations, acknowledged transitions (with the
/// image version each produced and the effects each carried), refusals (422: a rejected history entry
/// each), conflicts (409: nothing written) and anything else (a bug).
/// </summary>
internal sealed class WriteLedger
{
    private readonly ConcurrentQueue<string> _registered = new();
    private readonly ConcurrentQueue<(Acknowledged Entry, long Version)> _transitions = new();
    private readonly ConcurrentQueue<Acknowledged> _effects = new();
    private readonly ConcurrentDictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ApiReply> _conflicts = new();
    private readonly ConcurrentQueue<ApiReply> _unexpected = new();

    public IReadOnlyList<string> Registered => [.. _registered];

    /// <summary>Acknowledged transitions with the image version each one produced.</summary>
    public IReadOnlyList<(Acknowledged Entry, long Version)> Transitions => [.. _transitions];

    public int AcknowledgedCount => _transitions.Count;

    public IReadOnlyList<Acknowledged> Effects => [.. _effects];

    public IReadOnlyList<ApiReply> Conflicts => [.. _conflicts];

    /// <summary>Answers that are none of 2xx, 409 or 422.</summary>
    public IReadOnlyList<ApiReply> Unexpected => [.. _unexpected];

    public int Rejections => _rejections.Values.Sum();

    /// <summary>Every history entry the acknowledged and refused requests wrote.</summary>
    public int ExpectedEntries => _registered.Count + _transitions.Count + _effects.Count + Rejections;

    public int RejectionsOf(string digest) => _rejections.GetValueOrDefault(digest);

    /// <summary>Records a registration answer; true when it was 201.</summary>
    public bool RecordRegistration(string digest, ApiReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Status == 201)
        {
            _registered.Enqueue(digest);
            return true;
        }

        _unexpected.Enqueue(reply);
        return false;
    }

    /// <summary>Records an event's answer on <paramref name="digest"/>, fired through <paramref name="replica"/>.</summary>
    public void RecordEvent(string digest, ApiReply reply, string replica)
    {
        ArgumentNullException.ThrowIfNull(reply);
        switch (reply.Status)
        {
            case 200:
                var transition = Entry(reply.Body.GetProperty("transition"), replica);
                transition.Digest.ShouldBe(digest);
                _transitions.Enqueue((transition, reply.Body.GetProperty("image").Long("version")));
                foreach (var effect in reply.Body.GetProperty("effects").EnumerateArray())
                {
                    _effects.Enqueue(Entry(effect, replica) with { CausedBy = transition.Seq });
                }

                break;
            case 409:
                _conflicts.Enqueue(reply);
                break;
            case 422:
                _rejections.AddOrUpdate(digest, 1, (_, n) => n + 1);
                break;
            default:
                _unexpected.Enqueue(reply);
                break;
        }
    }

    private static Acknowledged Entry(JsonElement entry, string replica) =>
        new(entry.Str("digest"), entry.Long("seq"), entry.Str("event"), entry.StrOrNull("from"), entry.Str("to"), replica);
}
