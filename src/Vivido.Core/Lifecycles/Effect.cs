namespace Vivido.Core.Lifecycles;

/// <summary>Something the caller does after an accepted transition is committed.</summary>
public abstract record Effect;
