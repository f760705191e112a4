using System.CommandLine;
using Followthrough.Demo;

namespace Followthrough.Cli;

internal static class DemoCommands
{
    public static Command Build()
    {
        var demo = new Command("demo", "Demo data.");
        var load = new Command("load", "Load the demo records into an empty database and print the demo password once.");
        load.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var credentials = await context.Get<DemoLoader>().LoadAsync(cancellationToken);
            if (credentials is null)
            {
                await context.Error.WriteLineAsync("The database already holds data; the demo is loaded only into an empty database.");
                return FollowthroughCli.Failed;
            }

            await context.Output.WriteLineAsync($"Demo loaded. Accounts: {string.Join(", ", credentials.UserNames)}");
            await context.Output.WriteLineAsync($"Password (shown only now): {credentials.Password}");
            return FollowthroughCli.Ok;
        });
        demo.Subcommands.Add(load);
        return demo;
    }
}
