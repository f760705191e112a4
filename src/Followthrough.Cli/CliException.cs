namespace Followthrough.Cli;

/// <summary>A problem to report to the person at the terminal in one clear line, with its exit code.</summary>
public sealed class CliException(string message, int exitCode = FollowthroughCli.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
