namespace Vivido.Core.Admitting;

/// <summary>What admission does with a tag Vivido's tag table does not know.</summary>
public enum UnknownTagPolicy
{
    /// <summary>Deny the image: Vivido answers only from what it has recorded.</summary>
    Deny,

    /// <summary>Ask the image's registry which digest the tag points to, then judge that digest.</summary>
    Resolve,
}
