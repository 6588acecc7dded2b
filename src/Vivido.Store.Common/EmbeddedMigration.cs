namespace Vivido.Store.Common;

/// <summary>One migration script embedded in a store's assembly (<c>Migrations/NNNN_name.sql</c>).</summary>
/// <param name="Version">The number the file name starts with (1 for <c>0001_init</c>).</param>
/// <param name="Name">The file name without extension, e.g. <c>0001_init</c>.</param>
/// <param name="Script">The SQL text.</param>
/// <param name="Checksum">Lowercase hex SHA-256 of the script's UTF-8 bytes.</param>
public sealed record EmbeddedMigration(int Version, string Name, string Script, string Checksum);
