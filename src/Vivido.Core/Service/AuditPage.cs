using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>A page of the audit log.</summary>
/// <param name="Items">Entries in seq order.</param>
/// <param name="Next">The <c>since</c> value for the next page; null when this page was the last.</param>
public sealed record AuditPage(IReadOnlyList<HistoryEntry> Items, long? Next);
