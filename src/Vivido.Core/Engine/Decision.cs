namespace Vivido.Core.Engine;

/// <summary>The engine's answer to a transition request: <see cref="Accepted"/>, <see cref="Rejected"/> or <see cref="NotAllowed"/>.</summary>
public abstract record Decision;
