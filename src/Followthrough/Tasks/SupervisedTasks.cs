using System.Globalization;
using System.Text.Json;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>A running task's id and the stored due day a supervision pass reads it by (deadline, time node or report day).</summary>
public readonly record struct TaskDueDay(int TaskId, DateOnly Due);

/// <summary>What the supervision office needs of a task to address and word a notice about it.</summary>
public sealed record SupervisedTask(
    int Id, string Code, string Title, int LeadUnitId, int? LeadLeaderId, TaskState State, DateOnly? NextDue, DateOnly? NextReportDue);

/// <summary>The steps the supervision office adds to a task's timeline.</summary>
public enum SupervisionStep
{
    /// <summary>A reminder before a deadline or time node.</summary>
    Reminded,

    /// <summary>An urging notice, by the daily run or a supervisor by hand.</summary>
    Urged,

    /// <summary>Put on the special supervision list.</summary>
    PutOnSpecialList,
}

/// <summary>
/// The supervision office's view of tasks (督办): the pages of running tasks the daily run walks, on the hot columns'
/// indexes and skipping the tasks it has settled; the tasks a batch writes notices about; the timeline steps and the
/// escalation to a key item. The writes are staged on the scope's context and saved by the caller with its notices, in
/// one transaction, as the rest of a task's steps are.
/// </summary>
public sealed class SupervisedTasks
{
    private readonly FollowthroughDb db;
    private readonly TaskWriting tasks;

    /// <summary>Built by the module's registration; callers get it from the container.</summary>
    internal SupervisedTasks(FollowthroughDb db, TaskWriting tasks)
    {
        this.db = db;
        this.tasks = tasks;
    }

    public IWorkingDayCalendar Calendar => tasks.Calendar;

    public TaskOptions Options => tasks.Options;

    public DateOnly Today => tasks.Today;

    /// <summary>Up to <paramref name="size"/> running tasks due by <paramref name="limit"/> after <paramref name="after"/>
    /// in (due day, id) order, skipping those settled for their due day under <paramref name="ladder"/>.</summary>
    public async Task<List<TaskDueDay>> DuePageAsync(DateOnly limit, string ladder, TaskDueDay after, int size, CancellationToken cancellationToken = default) =>
        [.. (await DuePage(db, limit, ladder, after.Due, after.TaskId).Take(size).ToListAsync(cancellationToken)).Select(x => new TaskDueDay(x.Id, x.Due))];

    /// <summary>Up to <paramref name="size"/> running tasks with a report owed before <paramref name="today"/>, after
    /// <paramref name="after"/> in (report day, id) order, skipping those settled for that report day.</summary>
    public async Task<List<TaskDueDay>> ReportPageAsync(DateOnly today, TaskDueDay after, int size, CancellationToken cancellationToken = default) =>
        [.. (await ReportPage(db, today, after.Due, after.TaskId).Take(size).ToListAsync(cancellationToken)).Select(x => new TaskDueDay(x.Id, x.Due))];

    /// <summary>The due pass's query, in the index's order (its plan is checked by the query-plan tests).</summary>
    internal static IQueryable<(int Id, DateOnly Due)> DuePage(FollowthroughDb db, DateOnly limit, string ladder, DateOnly due, int id) =>
        db.Set<WorkTask>().AsNoTracking()
            .Where(t => t.NextDue <= limit && (t.NextDue > due || (t.NextDue == due && t.Id > id)))
            .Where(t => !db.Set<SettledTask>().Any(s => s.TaskId == t.Id && s.DueOn == t.NextDue && s.Ladder == ladder))
            .OrderBy(t => t.NextDue).ThenBy(t => t.Id)
            .Select(t => new ValueTuple<int, DateOnly>(t.Id, t.NextDue!.Value));

    /// <summary>The report pass's query, in the index's order.</summary>
    internal static IQueryable<(int Id, DateOnly Due)> ReportPage(FollowthroughDb db, DateOnly today, DateOnly due, int id) =>
        db.Set<WorkTask>().AsNoTracking()
            .Where(t => t.NextReportDue < today && (t.NextReportDue > due || (t.NextReportDue == due && t.Id > id)))
            .Where(t => !db.Set<SettledTask>().Any(s => s.TaskId == t.Id && s.ReportDueOn == t.NextReportDue))
            .OrderBy(t => t.NextReportDue).ThenBy(t => t.Id)
            .Select(t => new ValueTuple<int, DateOnly>(t.Id, t.NextReportDue!.Value));

    /// <summary>Marks tasks settled for these due days under <paramref name="ladder"/>: the due pass skips them until
    /// their due day or the ladder changes.</summary>
    public Task SettleDueAsync(IReadOnlyList<TaskDueDay> settled, string ladder, CancellationToken cancellationToken = default) =>
        SettleAsync(settled, ladder, cancellationToken);

    /// <summary>Marks tasks settled for these report days: the report pass skips them until their report day changes.</summary>
    public Task SettleReportsAsync(IReadOnlyList<TaskDueDay> settled, CancellationToken cancellationToken = default) =>
        SettleAsync(settled, null, cancellationToken);

    /// <summary>One statement per batch: the rows go as one parameter (JSON on SQLite, arrays on PostgreSQL).</summary>
    private async Task SettleAsync(IReadOnlyList<TaskDueDay> settled, string? ladder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settled);
        if (settled.Count == 0)
        {
            return;
        }

        var sqlite = db.Database.IsSqlite();
        var (columns, update) = ladder is null
            ? ("report_due_on", "report_due_on = excluded.report_due_on")
            : ("due_on, ladder", "due_on = excluded.due_on, ladder = excluded.ladder");
        var values = ladder is null ? "r.due" : "r.due, @ladder";
        var rows = sqlite
            ? "(SELECT json_extract(j.value, '$[0]') AS id, json_extract(j.value, '$[1]') AS due FROM json_each(@rows) AS j) AS r WHERE true"
            : "unnest(@ids, @dues) AS r (id, due)";
        var parameters = new List<(string, object?)>();
        if (sqlite)
        {
            parameters.Add(("@rows", JsonSerializer.Serialize(settled.Select(s => new object[] { s.TaskId, s.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))));
        }
        else
        {
            parameters.Add(("@ids", settled.Select(s => s.TaskId).ToArray()));
            parameters.Add(("@dues", settled.Select(s => s.Due).ToArray()));
        }

        if (ladder is not null)
        {
            parameters.Add(("@ladder", ladder));
        }

        await db.ExecuteAsync(
            $"INSERT INTO supervision_settled (task_id, {columns}) SELECT r.id, {values} FROM {rows} ON CONFLICT (task_id) DO UPDATE SET {update}",
            parameters,
            cancellationToken);
    }

    /// <summary>
    /// The tasks a batch is about to write notices for, held by the scope's context so that the steps and escalations
    /// staged next are saved against the versions read here (a task changed meanwhile fails the save).
    /// </summary>
    public async Task<List<SupervisedTask>> LoadAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToList();
        return [.. (await db.Set<WorkTask>().Where(t => EF.Parameter(list).Contains(t.Id)).ToListAsync(cancellationToken)).Select(Of)];
    }

    /// <summary>One task, held like <see cref="LoadAsync"/>; null when there is none.</summary>
    public async Task<SupervisedTask?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<WorkTask>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is { } task ? Of(task) : null;

    /// <summary>Read-only, for lists (the special supervision list): the tasks found among <paramref name="ids"/>.</summary>
    public async Task<Dictionary<int, SupervisedTask>> ReadAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToList();
        return await db.Set<WorkTask>().AsNoTracking().Where(t => EF.Parameter(list).Contains(t.Id))
            .Select(t => new SupervisedTask(t.Id, t.Code, t.Title, t.LeadUnitId, t.LeadLeaderId, t.State, t.NextDue, t.NextReportDue))
            .ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    /// <summary>Stages a supervision step on the task's timeline (the task stays in its state).</summary>
    public async Task RecordStepAsync(int taskId, SupervisionStep step, string? comment, string details, CancellationToken cancellationToken = default)
    {
        var task = await HeldAsync(taskId, cancellationToken);
        var action = step switch
        {
            SupervisionStep.Reminded => "reminded",
            SupervisionStep.Urged => "urged",
            SupervisionStep.PutOnSpecialList => "special-supervision",
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
        tasks.Record(task, action, task.State, task.State, comment, details);
    }

    /// <summary>
    /// Stages the escalation of an overdue task to a key item (重点督办) with its "escalated" step; false when it was one
    /// already (the step is recorded all the same: it is the occasion's record).
    /// </summary>
    public async Task<bool> RaiseToKeyItemAsync(int taskId, string details, CancellationToken cancellationToken = default)
    {
        var task = await HeldAsync(taskId, cancellationToken);
        var raised = task.SupervisionLevel != SupervisionLevel.Key;
        if (raised)
        {
            task.SupervisionLevel = SupervisionLevel.Key;
        }

        tasks.Record(task, "escalated", task.State, task.State, "Made a key item: overdue by the escalation threshold.", details);
        return raised;
    }

    /// <summary>The task as loaded by <see cref="LoadAsync"/> or <see cref="FindAsync"/> (no second read).</summary>
    private async Task<WorkTask> HeldAsync(int taskId, CancellationToken cancellationToken) =>
        await db.Set<WorkTask>().FindAsync([taskId], cancellationToken)
            ?? throw new InvalidOperationException($"Task {taskId.ToString(CultureInfo.InvariantCulture)} does not exist.");

    private static SupervisedTask Of(WorkTask t) => new(t.Id, t.Code, t.Title, t.LeadUnitId, t.LeadLeaderId, t.State, t.NextDue, t.NextReportDue);
}
