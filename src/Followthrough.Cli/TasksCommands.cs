using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Cli;

/// <summary>
/// <c>followthrough tasks import|list|overdue</c>: import a task-decomposition table as drafts, and read the task
/// list and the overdue list as the supervision office sees them.
/// </summary>
internal static class TasksCommands
{
    /// <summary>The command line acts with the office's view of the tasks (it runs on the server, by its operator).</summary>
    private static readonly CurrentUser Office = new(null, "cli", Role.Supervisor, null);

    private const int MaxRows = 100000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Build()
    {
        var tasks = new Command("tasks", "Tasks: import a decomposition table, list tasks, list what is overdue.");
        tasks.Subcommands.Add(Import());
        tasks.Subcommands.Add(List());
        tasks.Subcommands.Add(Overdue());
        return tasks;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "The decomposition table: .xlsx, or .csv (UTF-8 or GB18030)" };
        var origin = new Option<OriginKind>("--origin")
        {
            Description = "Where the tasks come from: PlanItem, Directive, Suggestion, InspectionFinding, LeaderCommitment or Manual",
            DefaultValueFactory = _ => OriginKind.Manual,
        };
        var reference = new Option<string?>("--reference") { Description = "How to cite the source, applied to every row (e.g. \"市委常委会 2021-04-21\")" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the table and list the tasks it would create, without writing anything" };
        var command = new Command(
            "import",
            "Import a task-decomposition table (columns 序号, 任务内容, 牵头领导, 牵头单位, 配合单位, 完成时限, 时间节点, or their "
            + "English names) as draft tasks. The whole table is checked first: when any row is wrong, every problem is "
            + "listed by row and column, nothing is written and the exit code is 2.");
        command.Arguments.Add(file);
        command.Options.Add(origin);
        command.Options.Add(reference);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"There is no file {path}.");
            }

            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var source = new ImportSource(parse.GetValue(origin), parse.GetValue(reference));
            var report = await context.Get<DecompositionImport>().ImportAsync(path, content, source, null, parse.GetValue(dryRun), cancellationToken);
            foreach (var warning in report.Warnings)
            {
                await context.Error.WriteLineAsync($"  note: row {warning.Row}, {warning.Column}: {warning.Message}");
            }

            if (!report.Succeeded)
            {
                await context.Error.WriteLineAsync($"{path}: {report.Errors.Count} problem(s); nothing was imported.");
                foreach (var problem in report.Errors)
                {
                    await context.Error.WriteLineAsync(problem.Column is null
                        ? $"  row {problem.Row}: {problem.Message}"
                        : $"  row {problem.Row}, {problem.Column}: {problem.Message}");
                }

                return FollowthroughCli.BadInput;
            }

            foreach (var task in report.Tasks)
            {
                await context.Output.WriteLineAsync($"{task.Code}  row {task.Row}  {task.Title}");
            }

            await context.Output.WriteLineAsync(report.DryRun
                ? $"{path}: {report.Tasks.Count} task(s) would be created (dry run: nothing was written)."
                : $"{path}: {report.Tasks.Count} draft task(s) created.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var unit = new Option<string?>("--unit") { Description = "Only tasks this unit leads or co-operates on (unit code)" };
        var state = new Option<TaskState?>("--state") { Description = "Only tasks in this state: " + string.Join(", ", Enum.GetNames<TaskState>()) };
        var json = new Option<bool>("--json") { Description = "Print the tasks as JSON, as the REST API gives them" };
        var command = new Command("list", "List tasks in code order: code, state, deadline, lead unit, where it stands today, title.");
        command.Options.Add(unit);
        command.Options.Add(state);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var unitId = await UnitIdAsync(context, parse.GetValue(unit), cancellationToken);
            var filter = new TaskFilter(UnitId: unitId, State: parse.GetValue(state));
            var (rows, total) = await context.Get<TaskLedger>().ListAsApiAsync(Office, filter, MaxRows, cancellationToken);
            return await PrintAsync(context, rows, total, parse.GetValue(json));
        });
        return command;
    }

    private static Command Overdue()
    {
        var unit = new Option<string?>("--unit") { Description = "Only tasks this unit leads (unit code)" };
        var json = new Option<bool>("--json") { Description = "Print the tasks as JSON, as the REST API gives them" };
        var command = new Command("overdue", "List running tasks past their deadline or a time node, most overdue first, with the working days of delay.");
        command.Options.Add(unit);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var unitId = await UnitIdAsync(context, parse.GetValue(unit), cancellationToken);
            var (rows, total) = await context.Get<TaskLedger>().OverdueAsApiAsync(unitId, MaxRows, cancellationToken);
            return await PrintAsync(context, rows, total, parse.GetValue(json));
        });
        return command;
    }

    private static async Task<int?> UnitIdAsync(CliContext context, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var unit = await context.Get<OrganizationDirectory>().UnitByCodeAsync(code, cancellationToken);
        return unit?.Id ?? throw new CliException($"There is no unit with the code {code}.");
    }

    private static async Task<int> PrintAsync(CliContext context, IReadOnlyList<TaskSummaryDto> rows, int total, bool json)
    {
        if (json)
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
            return FollowthroughCli.Ok;
        }

        var codeWidth = Math.Max(4, rows.Count == 0 ? 0 : rows.Max(r => r.Code.Length));
        foreach (var task in rows)
        {
            var unit = task.LeadUnit?.Code ?? "?";
            await context.Output.WriteLineAsync(
                $"{task.Code.PadRight(codeWidth)}  {task.State,-17}  {Deadline(task),-12}  {unit,-8}  {Standing(task.Standing),-22}  {task.Title}");
        }

        await context.Output.WriteLineAsync(total > rows.Count ? $"{rows.Count} of {total} task(s)." : $"{rows.Count} task(s).");
        return FollowthroughCli.Ok;
    }

    private static string Deadline(TaskSummaryDto task) => task.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        ?? (task.DeadlineKind == DeadlineKind.WorkingDays ? $"{task.DeadlineWorkingDays} wd" : "long-term");

    private static string Standing(StandingDto standing) => standing.Kind switch
    {
        StandingKind.Overdue => $"overdue {standing.WorkingDaysLate} wd",
        StandingKind.DueSoon => $"due soon, {standing.WorkingDaysLeft} wd left",
        StandingKind.NotYetDue => $"{standing.WorkingDaysLeft} wd left",
        StandingKind.ClosedLate => $"closed {standing.WorkingDaysLate} wd late",
        var kind => kind.ToString(),
    } + (standing.Provisional ? " (provisional)" : string.Empty);
}
