using Followthrough.Accounts;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>Everything the task page and GET /tasks/{id} show about one task, for one reader.</summary>
internal sealed record TaskView(
    WorkTask Task,
    WorkTask? Parent,
    TaskRole Part,
    IReadOnlyList<TaskAction> Allowed,
    TaskStanding Standing,
    IReadOnlyList<TaskRow> SubTasks,
    IReadOnlyList<ExtensionRequest> Extensions);

/// <summary>The read side of one task: its view, timeline, reports with evidence, and reporting schedule.</summary>
internal sealed class TaskPage(FollowthroughDb db, TaskWriting tasks, TaskListReader queries)
{
    /// <summary>The task as this person may see it: not found, forbidden (another unit's), or the view.</summary>
    public async Task<Outcome<TaskView>> ViewAsync(CurrentUser user, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var task = await tasks.LoadAsync(id, cancellationToken);
        if (task is null)
        {
            return Outcome.NotFound<TaskView>();
        }

        if (await tasks.RoleAsync(user, task, cancellationToken) is not { } part)
        {
            return Outcome.Forbidden<TaskView>("This task is not yours to see.");
        }

        var facts = await tasks.FactsAsync(task, cancellationToken);
        var parent = task.ParentId is { } parentId
            ? await db.Set<WorkTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == parentId, cancellationToken)
            : null;
        var subIds = await db.Set<WorkTask>().Where(t => t.ParentId == id).OrderBy(t => t.Code).Select(t => t.Id).ToListAsync(cancellationToken);
        var extensions = await db.Set<ExtensionRequest>().AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return Outcome.Done(new TaskView(
            task,
            parent,
            part,
            TaskLifecycle.Allowed(task.State, part, facts),
            TaskStanding.Compute(task, tasks.Today, tasks.Calendar, tasks.Options),
            await queries.RowsAsync(subIds, cancellationToken),
            extensions));
    }

    /// <summary>Every step on the timeline, oldest first.</summary>
    public async Task<IReadOnlyList<TaskEvent>> TimelineAsync(int taskId, CancellationToken cancellationToken = default) =>
        await db.Set<TaskEvent>().AsNoTracking().Where(e => e.TaskId == taskId).OrderBy(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>Reports, newest first, each with its evidence files.</summary>
    public async Task<(IReadOnlyList<(ProgressReport Report, IReadOnlyList<EvidenceFile> Files)> Items, int Total)> ReportsAsync(
        int taskId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Set<ProgressReport>().AsNoTracking().Where(r => r.TaskId == taskId);
        var total = await query.CountAsync(cancellationToken);
        var reports = await query.OrderByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        var files = (await db.Set<EvidenceFile>().AsNoTracking().Where(f => ids.Contains(f.ReportId)).OrderBy(f => f.Id).ToListAsync(cancellationToken))
            .ToLookup(f => f.ReportId);
        return ([.. reports.Select(r => (r, (IReadOnlyList<EvidenceFile>)[.. files[r.Id]]))], total);
    }

    /// <summary>The reporting periods up to today under the task's cadence (empty before assignment).</summary>
    public async Task<IReadOnlyList<ReportPeriod>> ScheduleAsync(WorkTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.AssignedOn is not { } assigned)
        {
            return [];
        }

        var today = tasks.Today;
        var until = task.State.IsRunning() ? today : task.CompletionClaimedOn ?? task.ClosedOn ?? today;
        var dates = await tasks.AcceptedReportDatesAsync(task.Id, cancellationToken: cancellationToken);
        var periods = ReportSchedule.Periods(task.ReportingCadence, assigned, dates, until, task.TimeNodes.Select(n => n.DueOn), task.Deadline);
        return [.. periods.Where(p => p.Start <= until)];
    }
}
