using System.CommandLine;
using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Commitments;
using Followthrough.Organization;
using Followthrough.Tasks;

namespace Followthrough.Cli;

/// <summary><c>followthrough commitments list</c>: leaders' public commitments and whether they were kept.</summary>
internal static class CommitmentsCommands
{
    /// <summary>The command line reads with the supervision office's view (it runs on the server, by its operator).</summary>
    private static readonly CurrentUser Office = new(null, "cli", Role.Supervisor, null);

    private const int MaxRows = 100000;

    public static Command Build()
    {
        var commitments = new Command("commitments", "Leaders' public commitments (承诺事项), tracked as tasks with origin LeaderCommitment.");
        var list = new Command("list", "List commitments: code, standing (OnTime, Overdue, AwaitingVerification, Kept, KeptLate, ...), promised date, leader, unit, title.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var (rows, total) = await context.Get<CommitmentQueries>().ListAsync(Office, null, 0, MaxRows, cancellationToken);
            foreach (var row in rows)
            {
                var task = row.Task;
                var late = task.Standing.WorkingDaysLate is { } days && days > 0 ? $" {days} wd" : string.Empty;
                await context.Output.WriteLineAsync(
                    $"{task.Code}  {row.Standing + late,-24}  {task.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",-10}  "
                    + $"{row.Leader?.DisplayName(CultureInfo.InvariantCulture) ?? string.Empty,-10}  {row.LeadUnit?.Code ?? "?",-8}  {task.Title}");
            }

            await context.Output.WriteLineAsync($"{total} commitment(s).");
            return FollowthroughCli.Ok;
        });
        commitments.Subcommands.Add(list);
        return commitments;
    }
}
