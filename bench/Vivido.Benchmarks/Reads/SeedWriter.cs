using System.Globalization;
using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;
using Vivido.Store.Sqlite;

namespace Vivido.Benchmarks.Reads;

/// <summary>
/// Writes a <see cref="SeedPlan"/> into a migrated database with prepared statements in large
/// transactions: images, their hash-chained history (seq order = image order), tags and tag moves.
/// </summary>
internal sealed class SeedWriter : IDisposable
{
    private const string RejectionDetail = """{"unmet":[{"name":"scan-score","message":"the scan score is below 9.0"}]}""";

    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    private readonly SeedPlan _plan;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _image;
    private readonly SqliteCommand _history;
    private readonly SqliteCommand _tag;
    private readonly SqliteCommand _tagMove;
    private long _seq;
    private string _previousHash = HistoryChain.GenesisHash;

    public SeedWriter(string databasePath, SeedPlan plan)
    {
        _plan = plan;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        // Seeding only: no journal and no fsync; the finished file is switched back to WAL and verified.
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY;");
        _image = Prepare(
            "INSERT INTO images (id, digest, repository, state, version, entered_state_at, registered_at, attributes, vetoed) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, 0)", 8);
        _history = Prepare(
            "INSERT INTO history (seq, image_id, kind, event, from_state, to_state, actor, reason, detail, params, at, prev_hash, hash) " +
            "VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, NULL, @p8, '{}', @p9, @p10, @p11)",
            11);
        _tag = Prepare("INSERT INTO tags (repository, tag, image_id, moved_at, moved_by) VALUES (@p1, @p2, @p3, @p4, 'ci')", 4);
        _tagMove = Prepare("INSERT INTO tag_moves (repository, tag, from_image_id, to_image_id, actor, at) VALUES (@p1, @p2, NULL, @p3, 'ci', @p4)", 4);
    }

    /// <summary>Writes every image, <paramref name="batch"/> images per transaction, reporting progress after each.</summary>
    public void WriteAll(int batch, Action<int> progress)
    {
        for (var first = 0; first < _plan.Images; first += batch)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var command in new[] { _image, _history, _tag, _tagMove })
            {
                command.Transaction = transaction;
            }

            var end = Math.Min(_plan.Images, first + batch);
            for (var image = first; image < end; image++)
            {
                WriteImage(image);
            }

            transaction.Commit();
            progress(end);
        }
    }

    /// <summary>Back to the store's journal mode (WAL is stored in the file).</summary>
    public void Finish() => Execute("PRAGMA journal_mode = WAL;");

    public void Dispose()
    {
        _image.Dispose();
        _history.Dispose();
        _tag.Dispose();
        _tagMove.Dispose();
        _connection.Dispose();
    }

    private void WriteImage(int image)
    {
        var id = image + 1L;
        var digest = SeedPlan.Digest(image);
        var repository = SeedPlan.Repository(_plan.RepositoryOf(image));
        var registered = _plan.RegisteredAt(image);
        var path = _plan.Path(image);
        var entered = path.Count == 0 ? registered : registered + path[^1].After;
        var attributes = JsonColumns.Map(new Dictionary<string, string>
        {
            ["architecture"] = image % 4 == 0 ? "arm64" : "amd64",
            ["os"] = "linux",
            ["size"] = (20_000_000L + (image * 7919L % 300_000_000L)).ToString(CultureInfo.InvariantCulture),
        });
        Run(_image, id, digest, repository, _plan.StateOf(image), 1L + path.Count, Micros.FromTime(entered), Micros.FromTime(registered), attributes);

        Append(id, digest, HistoryKind.Accepted, "register", null, "Building", "ci", null, registered);
        for (var attempt = 0; attempt < _plan.RejectionsOf(image); attempt++)
        {
            Append(id, digest, HistoryKind.Rejected, "scan_passed", "Building", null, "scanner", RejectionDetail, registered + TimeSpan.FromMinutes(5 + attempt));
        }

        foreach (var step in path)
        {
            var detail = step.Event == "superseded" ? "effect of promote on " + SeedPlan.Digest(image + _plan.Repositories) : null;
            Append(id, digest, HistoryKind.Accepted, step.Event, step.From, step.To, step.Actor, detail, registered + step.After);
        }

        foreach (var tag in _plan.TagsOf(image))
        {
            Run(_tag, repository, tag, id, Micros.FromTime(entered));
            Run(_tagMove, repository, tag, id, Micros.FromTime(entered));
        }
    }

    private void Append(long imageId, string digest, HistoryKind kind, string eventName, string? from, string? to, string actor, string? detail, DateTimeOffset at)
    {
        var entry = HistoryChain.Seal(new HistoryEntry(++_seq, digest, from, to, eventName, actor, null, NoParams, at, kind, detail, _previousHash, string.Empty));
        Run(_history, entry.Seq, imageId, kind.ToName(), eventName, from, to, actor, detail, Micros.FromTime(entry.At), entry.PrevHash, entry.Hash);
        _previousHash = entry.Hash;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture), Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }
}
