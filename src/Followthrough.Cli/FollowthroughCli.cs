using System.CommandLine;

namespace Followthrough.Cli;

/// <summary>
/// The <c>followthrough</c> command line. It shares the domain code with the web host and reads the database from
/// the same setting (<c>--database</c>, or the <c>Followthrough__Database</c> environment variable).
/// Exit codes: 0 done, 1 the operation failed or found a problem, 2 bad input.
/// </summary>
public static class FollowthroughCli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Build();
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run with --help to see the commands and their options.");
            return BadInput;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException problem)
        {
            await error.WriteLineAsync(problem.Message);
            return problem.ExitCode;
        }
        catch (Followthrough.Storage.Files.FileRefusedException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return BadInput;
        }
    }

    public static Command Build()
    {
        // Named "followthrough" (the launcher), not after the assembly, in help and usage lines.
        var root = new Command("followthrough", "Followthrough: plans and directives followed through to verified results.");
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(CliContext.DatabaseOption);
        root.Options.Add(CliContext.DataFolderOption);
        root.Options.Add(CliContext.AuditKeyFileOption);
        root.Subcommands.Add(MigrateCommand.Build());
        root.Subcommands.Add(DemoCommands.Build());
        root.Subcommands.Add(UnitsCommands.Build());
        root.Subcommands.Add(UsersCommands.Build());
        root.Subcommands.Add(TokensCommands.Build());
        root.Subcommands.Add(AuditCommands.Build());
        root.Subcommands.Add(CalendarCommands.Build());
        root.Subcommands.Add(PlansCommands.Build());
        root.Subcommands.Add(PlansCommands.BuildIndicators());
        root.Subcommands.Add(TasksCommands.Build());
        root.Subcommands.Add(SupervisionCommands.Build());
        root.Subcommands.Add(BulletinCommands.Build());
        root.Subcommands.Add(CommitmentsCommands.Build());
        root.Subcommands.Add(ServicesCommands.Build());
        root.Subcommands.Add(RatingsCommands.Build());
        root.Subcommands.Add(NeedsCommands.Build());
        root.Subcommands.Add(ExtractCommand.Build(TimeProvider.System));
        return root;
    }
}
