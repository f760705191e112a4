using Followthrough.Accounts;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>A draft to create: what the office would type into the new-task form, and the note its first step carries.</summary>
public sealed record DraftTask(TaskInput Input, string? Note = null);

/// <summary>A draft as created: its id and its code (DL-2021-0042).</summary>
public sealed record CreatedDraft(int TaskId, string Code);

/// <summary>
/// A task as other modules see it: who leads it, what it promises by when, and where it stands today
/// (<see cref="TaskStanding.Compute"/>, the same rule as the task lists).
/// </summary>
public sealed record TaskSummary(
    int Id,
    string Code,
    string Title,
    TaskState State,
    OriginKind Origin,
    string? OriginReference,
    int LeadUnitId,
    int? LeadLeaderId,
    DateOnly? Deadline,
    int Percent,
    TaskStanding Standing);

/// <summary>
/// What other modules may ask of the tasks: create drafts (the office's rule and code numbering, as in the new-task
/// form), add a step to a task's timeline, and read where given tasks stand. Directives turns accepted directives
/// into drafts here; Commitments reads leaders' commitments, which are tasks with that origin.
/// </summary>
public sealed partial class TaskLedger
{
    private readonly FollowthroughDb db;
    private readonly TaskWriting tasks;
    private readonly TaskListReader queries;
    private readonly TaskDirectory directory;
    private readonly LifecycleSteps steps;
    private readonly ProgressService progress;

    /// <summary>Built by the module's registration; callers get it from the container.</summary>
    internal TaskLedger(FollowthroughDb db, TaskWriting tasks, TaskListReader queries, TaskDirectory directory, LifecycleSteps steps, ProgressService progress)
    {
        this.db = db;
        this.tasks = tasks;
        this.queries = queries;
        this.directory = directory;
        this.steps = steps;
        this.progress = progress;
    }

    /// <summary>
    /// Creates the drafts in one save, or none: only the supervision office creates tasks, each draft is checked like
    /// the new-task form, and codes are numbered in order (DL-2021-0042, -0043, ...) unless given. Errors name a draft
    /// by its place: <c>drafts[2].leadUnitId</c>. To save the caller's own changes in the same transaction, begin it
    /// before calling; the drafts' save joins it. <paramref name="action"/> and <paramref name="comment"/> describe the
    /// save in the audit trail.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<CreatedDraft>>> CreateDraftsAsync(
        CurrentUser user, IReadOnlyList<DraftTask> drafts, string action = "created", string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var done = await tasks.CreateDraftsAsync(user, [.. drafts.Select(d => (d.Input, d.Note))], action, comment, cancellationToken);
        return done.IsDone
            ? Outcome.Done<IReadOnlyList<CreatedDraft>>([.. done.Value!.Select(t => new CreatedDraft(t.Id, t.Code))])
            : done.As<IReadOnlyList<CreatedDraft>>();
    }

    /// <summary>
    /// Adds a step to the task's timeline (e.g. "urged"), leaving the task as it is; saved at once, inside the
    /// caller's transaction if there is one. False when the task does not exist.
    /// </summary>
    public async Task<bool> RecordStepAsync(int taskId, string action, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var task = await db.Set<WorkTask>().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return false;
        }

        tasks.Record(task, action, task.State, task.State, comment);
        db.DescribeNextSave(action);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Where the given tasks stand today, in the order given; ids of tasks that do not exist are left out.</summary>
    public async Task<IReadOnlyList<TaskSummary>> StandingsAsync(IReadOnlyCollection<int> taskIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        return [.. (await queries.RowsAsync([.. taskIds.Distinct()], includePartners: false, cancellationToken)).Select(Summary)];
    }

    /// <summary>A page of the tasks this person may see, narrowed by the filter, in code order, and how many there are.</summary>
    public async Task<(IReadOnlyList<TaskSummary> Rows, int Total)> ListAsync(
        CurrentUser user, TaskFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        var (rows, total) = await queries.ListAsync(user, filter, skip, take, cancellationToken: cancellationToken);
        return ([.. rows.Select(Summary)], total);
    }

    /// <summary>
    /// The ids of the tasks the unit leads and its staff may see: every state but Draft (a draft is the office's own
    /// until it is issued, <see cref="TaskListReader.VisibleTo"/>).
    /// </summary>
    public async Task<IReadOnlyList<int>> LedByAsync(int unitId, CancellationToken cancellationToken = default) =>
        await db.Set<WorkTask>().Where(t => t.LeadUnitId == unitId && t.State != TaskState.Draft).Select(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// The first <paramref name="take"/> tasks this person may see, narrowed by the filter, in code order, as the REST
    /// API lists them (lead unit and leader named), and how many there are.
    /// </summary>
    public async Task<(IReadOnlyList<TaskSummaryDto> Rows, int Total)> ListAsApiAsync(
        CurrentUser user, TaskFilter filter, int take, CancellationToken cancellationToken = default)
    {
        var (rows, total) = await queries.ListAsync(user, filter, 0, take, cancellationToken: cancellationToken);
        return (await AsApiAsync(rows, cancellationToken), total);
    }

    /// <summary>The running tasks overdue today, most overdue first (one lead unit's, or all), as the REST API lists them.</summary>
    public async Task<(IReadOnlyList<TaskSummaryDto> Rows, int Total)> OverdueAsApiAsync(
        int? unitId, int take, CancellationToken cancellationToken = default)
    {
        var section = await queries.OverdueAsync(unitId, take, cancellationToken);
        return (await AsApiAsync(section.Rows, cancellationToken), section.Total);
    }

    private async Task<IReadOnlyList<TaskSummaryDto>> AsApiAsync(IReadOnlyList<TaskRow> rows, CancellationToken cancellationToken)
    {
        await directory.PrepareAsync(rows.Select(r => r.Task), cancellationToken);
        return [.. rows.Select(r => TaskSummaryDto.From(r, directory))];
    }

    private static TaskSummary Summary(TaskRow row) => new(
        row.Task.Id, row.Task.Code, row.Task.Title, row.Task.State, row.Task.OriginKind, row.Task.OriginReference,
        row.Task.LeadUnitId, row.Task.LeadLeaderId, row.Task.Deadline, row.Task.Percent, row.Standing);
}
