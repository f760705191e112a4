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
        demo.Subcommands.Add(BuildGenerate());
        return demo;
    }

    /// <summary><c>demo generate</c>: synthetic tasks and progress reports in bulk, for benchmarks and load tests.</summary>
    private static Command BuildGenerate()
    {
        var tasks = new Option<int>("--tasks") { Description = $"How many tasks to generate (1 to {GeneratorRequest.MaxTasks:N0})", Required = true };
        var reports = new Option<long?>("--reports") { Description = "How many progress reports, shared out over the tasks that are under way or done (default: 10 per task)" };
        var units = new Option<int>("--units") { Description = "How many lead units the tasks are spread over (GEN-U0001 …, created when missing)", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random choices: the same seed gives the same data", DefaultValueFactory = _ => 20210421 };
        var today = new Option<DateOnly?>("--today") { Description = "The day the data is shaped around (yyyy-MM-dd; default: today in Beijing)" };
        var generate = new Command("generate", "Write synthetic tasks, co-operating units, time nodes and progress reports in bulk, for benchmarks. "
            + "Each batch of 20,000 tasks commits on its own, with one audit entry naming its id range.")
        {
            tasks, reports, units, seed, today,
        };
        generate.SetAction(async (parse, cancellationToken) =>
        {
            var request = new GeneratorRequest(parse.GetValue(tasks), parse.GetValue(reports), parse.GetValue(units), parse.GetValue(today), parse.GetValue(seed));
            if (request.Problems() is { Count: > 0 } problems)
            {
                throw new CliException(string.Join(Environment.NewLine, problems), FollowthroughCli.BadInput);
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var generator = new TaskDataGenerator(context.Get<Storage.FollowthroughDb>(), context.Get<TimeProvider>());
            var progress = new LineProgress(context.Error);
            var result = await generator.GenerateAsync(request, progress, cancellationToken);
            await context.Output.WriteLineAsync(
                $"Generated {result.Tasks:N0} tasks (ids {result.FirstTaskId}–{result.LastTaskId}), {result.TimeNodes:N0} time nodes, {result.Partners:N0} co-operating units, "
                + $"{result.Reports:N0} progress reports; {result.UnitsCreated:N0} new units; {result.Elapsed.TotalSeconds:N1} s.");
            return FollowthroughCli.Ok;
        });
        return generate;
    }

    /// <summary>Progress lines written as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
