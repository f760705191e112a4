using System.CommandLine;
using Followthrough.Hosting;
using Followthrough.Storage.Migrations;

namespace Followthrough.Cli;

internal static class MigrateCommand
{
    public static Command Build()
    {
        var command = new Command("migrate", "Bring the database schema up to date (safe to run again).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, migrate: false, cancellationToken);
            var runner = context.Get<MigrationRunner>();
            var applied = await runner.MigrateAsync(cancellationToken: cancellationToken);
            foreach (var migration in applied)
            {
                await context.Output.WriteLineAsync($"applied {migration.Version:D4} {migration.Name}");
            }

            await DatabaseStartup.AfterMigratingAsync(context.Services, cancellationToken);
            var version = await runner.CurrentVersionAsync(cancellationToken);
            await context.Output.WriteLineAsync($"{context.Settings.Describe()} is at version {version}.");
            return FollowthroughCli.Ok;
        });
        return command;
    }
}
