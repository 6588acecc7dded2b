using Microsoft.Data.Sqlite;
using Vivido.Store.Common;

namespace Vivido.Benchmarks.Reads;

/// <summary>SQLite's plans for the statements behind the two measured routes, as the store writes them.</summary>
internal static class QueryPlans
{
    private static readonly (string Name, string Sql)[] Statements =
    [
        ("list by state + repository",
            $"SELECT {ImageColumns.List} FROM images i WHERE i.id > @after AND i.state = @state AND i.repository = @repository ORDER BY i.id LIMIT @limit"),
        ("image by digest", $"SELECT {ImageColumns.List} FROM images i WHERE i.digest = @digest"),
        ("tags of an image", "SELECT tag FROM tags WHERE image_id = @id ORDER BY tag"),
        ("token by hash", "SELECT * FROM tokens WHERE hash = @hash AND revoked_at IS NULL"),
    ];

    public static IEnumerable<string> Explain(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var (name, sql) in Statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var parameter in new[] { "@after", "@state", "@repository", "@limit", "@digest", "@id", "@hash" })
            {
                if (sql.Contains(parameter, StringComparison.Ordinal))
                {
                    command.Parameters.AddWithValue(parameter, DBNull.Value);
                }
            }

            using var reader = command.ExecuteReader();
            var steps = new List<string>();
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }

            yield return $"{name}: {string.Join(" / ", steps)}";
        }
    }
}
