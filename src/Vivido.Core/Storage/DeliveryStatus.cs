namespace Vivido.Core.Storage;

/// <summary>Where a delivery stands. Stored as the lowercase name.</summary>
public enum DeliveryStatus
{
    /// <summary>Not delivered yet; attempted again at its next attempt time.</summary>
    Pending,

    /// <summary>The subscriber answered 2xx.</summary>
    Delivered,

    /// <summary>Dead-lettered after the subscription's maximum attempts; only a redelivery sends it again.</summary>
    Dead,
}
