using System.Net.Sockets;
using Npgsql;

namespace Vivido.Store.Postgres;

/// <summary>Sorts driver exceptions into what the store does about them.</summary>
internal static class PostgresErrors
{
    /// <summary>What a failure means for the transaction that hit it.</summary>
    public enum Kind
    {
        /// <summary>A bug or a constraint: rethrow as it is.</summary>
        Other,

        /// <summary>Deadlock or serialisation failure: the transaction was rolled back and may simply run again.</summary>
        Retry,

        /// <summary>The database is unreachable, shutting down or out of connections.</summary>
        Unavailable,

        /// <summary>A value PostgreSQL cannot store (a NUL character, text too long to index): the caller's input, nothing written.</summary>
        BadInput,
    }

    public static Kind Classify(Exception exception) => exception switch
    {
        PostgresException { SqlState: "40001" or "40P01" } => Kind.Retry,
        PostgresException { SqlState: "22021" or "22P05" or "54000" } => Kind.BadInput,
        PostgresException p when IsUnavailableState(p.SqlState) => Kind.Unavailable,
        PostgresException => Kind.Other,
        NpgsqlException n when n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException => Kind.Unavailable,
        SocketException => Kind.Unavailable,
        _ => Kind.Other,
    };

    /// <summary>The <see cref="ArgumentException"/> for a <see cref="Kind.BadInput"/> failure.</summary>
    public static ArgumentException BadInput(Exception exception) => new(
        exception is PostgresException { SqlState: "54000" }
            ? "a value is too long for PostgreSQL to index: " + Reason(exception)
            : "text with a NUL character (U+0000) or outside UTF-8 cannot be stored in PostgreSQL: " + Reason(exception),
        exception);

    /// <summary>True when the server answered with an error, so a statement (and a COMMIT with it) definitely did not take effect.</summary>
    public static bool ServerAnswered(Exception exception) => exception is PostgresException;

    /// <summary>The first line of the driver's message (Npgsql's messages never contain the password).</summary>
    public static string Reason(Exception exception)
    {
        var inner = exception is NpgsqlException { InnerException: { } cause } && exception is not PostgresException ? " (" + FirstLine(cause.Message) + ")" : string.Empty;
        return FirstLine(exception.Message) + inner;
    }

    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
