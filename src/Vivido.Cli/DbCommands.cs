using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido db migrate [--data DIR]</c>: applies the store's migrations locally, without a server.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Maintain the local database.");
        var data = new Option<string>("--data") { Description = "The data folder holding vivido.db.", DefaultValueFactory = _ => DataDirectory.Default };
        var migrate = new Command("migrate", "Apply the migrations not yet applied (also done by 'serve' at start).");
        migrate.Options.Add(data);
        migrate.SetAction(async (parse, cancel) =>
        {
            using var store = DataDirectory.OpenStore(parse.GetRequiredValue(data));
            var applied = await store.MigrateAsync(cancel).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(applied.Count == 0
                ? $"{store.DatabasePath} is up to date"
                : $"{store.DatabasePath}: applied {string.Join(", ", applied)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
