using Followthrough.Cli;

namespace Followthrough.Tests.Infrastructure;

/// <summary>Runs the followthrough command line in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exit = await FollowthroughCli.RunAsync(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
