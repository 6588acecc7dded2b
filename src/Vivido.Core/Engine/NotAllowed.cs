namespace Vivido.Core.Engine;

/// <summary>The lifecycle has no transition for the event from <paramref name="From"/>; <paramref name="AllowedEvents"/> lists those it has.</summary>
public sealed record NotAllowed(string From, string Event, IReadOnlyList<string> AllowedEvents) : Decision;
