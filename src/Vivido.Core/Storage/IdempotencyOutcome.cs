namespace Vivido.Core.Storage;

/// <summary>See <see cref="IdempotencyClaim"/>.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The caller now holds the key and runs the request.</summary>
    Claimed,

    /// <summary>A result is stored for the key; replay it.</summary>
    Completed,

    /// <summary>Another request holds the key and has not finished.</summary>
    InProgress,
}
