namespace Vivido.Core.Storage;

/// <summary>The result of checking the whole history's hash chain.</summary>
/// <param name="Ok">True when every entry's hash and link are intact.</param>
/// <param name="Entries">How many entries were checked.</param>
/// <param name="FirstBadSeq">The seq of the first entry whose hash, link or position is wrong; null when ok.</param>
public sealed record AuditVerification(bool Ok, long Entries, long? FirstBadSeq);
