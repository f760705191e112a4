using System.CommandLine;
using System.Globalization;
using Followthrough.Storage;
using Followthrough.Supervision;

namespace Followthrough.Cli;

/// <summary><c>followthrough supervision run [--date YYYY-MM-DD]</c>: the daily supervision run, e.g. from cron.</summary>
internal static class SupervisionCommands
{
    public static Command Build()
    {
        var supervision = new Command("supervision", "Supervision: reminders, urging notices and escalation for tasks.");
        supervision.Subcommands.Add(Run());
        return supervision;
    }

    private static Command Run()
    {
        var date = new Option<string?>("--date") { Description = "The day to supervise as, YYYY-MM-DD (default: today in Beijing)" };
        var command = new Command(
            "run",
            "Run the daily supervision: reminders before deadlines and time nodes, urging notices for overdue tasks and late "
            + "reports, escalation (key item after 5 working days late, special supervision list after 10), then the e-mail "
            + "and webhook deliveries still waiting. Safe to repeat: nothing is sent twice. Exit code 1 when another instance "
            + "holds the run.");
        command.Options.Add(date);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(date);
            DateOnly? day = null;
            if (text is not null)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    throw new CliException($"--date must be a date written YYYY-MM-DD, e.g. 2026-03-01; '{text}' is not.");
                }

                day = parsed;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            context.Get<Actor>().Set(null, SupervisionRun.ActorName);
            var result = await context.Get<SupervisionRun>().RunAsync(day, cancellationToken);
            var on = result.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!result.Ran)
            {
                await context.Error.WriteLineAsync($"Supervision run for {on} skipped: {result.SkippedBecause}");
                return FollowthroughCli.Failed;
            }

            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Supervision run for {on}: {result.NoticesCreated} notices, {result.TasksMadeKeyItems} made key items, "
                + $"{result.TasksPutOnSpecialList} put on the special supervision list, {result.DeliveriesSent} deliveries sent, {result.DeliveriesFailed} failed."));
            return FollowthroughCli.Ok;
        });
        return command;
    }
}
