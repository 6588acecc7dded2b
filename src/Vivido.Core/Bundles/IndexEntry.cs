using System.Text.Json;

namespace Vivido.Core.Bundles;

/// <summary>One entry of <c>evidence/index.json</c>; <see cref="Path"/> and <see cref="Sha256"/> are null when no raw document was kept.</summary>
internal sealed record IndexEntry(long Id, string Kind, string? MediaType, string Actor, DateTimeOffset At, JsonElement Fact, string? Path, string? Sha256);
