using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido db migrate [--data DIR] [--database DB]</c> and <c>vivido db copy</c>: database maintenance without a server.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Maintain a database (SQLite or PostgreSQL) without a server.");
        db.Subcommands.Add(CreateMigrate());
        db.Subcommands.Add(DbCopyCommand.Create());
        return db;
    }

    /// <summary>The <c>--data</c> option of the db verbs.</summary>
    public static Option<string> DataOption() => new("--data")
    {
        Description = $"The data folder whose {DataDirectory.DatabaseFile} is the default database.",
        DefaultValueFactory = _ => DataDirectory.Default,
    };

    private static Command CreateMigrate()
    {
        var data = DataOption();
        var database = DatabaseOption.Create();
        var migrate = new Command("migrate", "Apply the migrations not yet applied (also done by 'serve' at start).");
        migrate.Options.Add(data);
        migrate.Options.Add(database);
        migrate.SetAction(async (parse, cancel) =>
        {
            var directory = parse.GetRequiredValue(data);
            await using var store = StoreFactory.Open(DatabaseOption.Resolve(parse.GetValue(database), directory, Environment.GetEnvironmentVariable));
            var applied = await store.Store.MigrateAsync(cancel).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(applied.Count == 0
                ? $"{store.Description} is up to date"
                : $"{store.Description}: applied {string.Join(", ", applied)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return migrate;
    }
}
