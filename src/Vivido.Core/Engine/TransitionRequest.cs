namespace Vivido.Core.Engine;

/// <summary>A request to fire <paramref name="Event"/> on an image.</summary>
/// <param name="Event">The event name.</param>
/// <param name="Actor">Who asks; taken from the caller's token, never from a request body.</param>
/// <param name="Reason">Why, for the audit trail.</param>
/// <param name="Params">Event parameters, e.g. <c>to</c> for multi-target transitions.</param>
public sealed record TransitionRequest(string Event, Actor Actor, string? Reason, IReadOnlyDictionary<string, string> Params)
{
    /// <summary>The parameter naming the chosen target of a multi-target transition.</summary>
    public const string TargetParam = "to";
}
