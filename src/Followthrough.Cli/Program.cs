namespace Followthrough.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => FollowthroughCli.RunAsync(args, Console.Out, Console.Error);
}
