using Followthrough.Accounts;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>One line of the responsibility list (责任清单): a unit, its part on a task (lead or co-operating).</summary>
public sealed record ResponsibilityRow(
    int UnitId, string UnitCode, bool IsLead, int TaskId, string TaskCode, string Title, TaskState State,
    DeadlineKind DeadlineKind, DateOnly? Deadline, int? DeadlineWorkingDays, string Part);

/// <summary>One line of the time-node list (时限清单): on this date, this is due.</summary>
public sealed record TimeLimitRow(
    DateOnly Date, bool IsDeadline, string? NodeTitle, DateOnly? ReachedOn, int TaskId, string TaskCode, string Title,
    TaskState State, int LeadUnitId);

/// <summary>
/// The three lists of the decomposition: the task list (任务清单), the responsibility list (责任清单) and the
/// time-node list (时限清单). Cancelled tasks are left out; each list is paged in the database.
/// </summary>
public sealed class TaskLists(FollowthroughDb db, TaskQueries queries)
{
    public async Task<(IReadOnlyList<ResponsibilityRow> Rows, int Total)> ResponsibilityAsync(
        CurrentUser user, int? unitId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var tasks = queries.VisibleTo(user).Where(t => t.State != TaskState.Cancelled);
        var units = db.Set<Organization.Unit>().AsNoTracking();
        var lead = from t in tasks
                   join u in units on t.LeadUnitId equals u.Id
                   select new ResponsibilityRow(u.Id, u.Code, true, t.Id, t.Code, t.Title, t.State, t.DeadlineKind, t.Deadline, t.DeadlineWorkingDays, "");
        var partners = from p in db.Set<TaskPartner>().AsNoTracking()
                       join t in tasks on p.TaskId equals t.Id
                       join u in units on p.UnitId equals u.Id
                       select new ResponsibilityRow(u.Id, u.Code, false, t.Id, t.Code, t.Title, t.State, t.DeadlineKind, t.Deadline, t.DeadlineWorkingDays, p.Part);
        if (unitId is { } unit)
        {
            lead = lead.Where(r => r.UnitId == unit);
            partners = partners.Where(r => r.UnitId == unit);
        }

        var all = lead.Concat(partners);
        var total = await all.CountAsync(cancellationToken);
        var rows = await all.OrderBy(r => r.UnitCode).ThenByDescending(r => r.IsLead).ThenBy(r => r.TaskCode)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<(IReadOnlyList<TimeLimitRow> Rows, int Total)> TimeLimitsAsync(
        CurrentUser user, DateOnly first, DateOnly last, int? unitId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var tasks = queries.VisibleTo(user).Where(t => t.State != TaskState.Cancelled);
        if (unitId is { } unit)
        {
            tasks = tasks.Where(t => t.LeadUnitId == unit);
        }

        var deadlines = from t in tasks
                        where t.Deadline >= first && t.Deadline <= last
                        select new TimeLimitRow(t.Deadline!.Value, true, null, t.ClosedOn, t.Id, t.Code, t.Title, t.State, t.LeadUnitId);
        var nodes = from n in db.Set<TimeNode>().AsNoTracking()
                    join t in tasks on n.TaskId equals t.Id
                    where n.DueOn >= first && n.DueOn <= last
                    select new TimeLimitRow(n.DueOn, false, n.Title, n.ReachedOn, t.Id, t.Code, t.Title, t.State, t.LeadUnitId);
        var all = nodes.Concat(deadlines);
        var total = await all.CountAsync(cancellationToken);
        var rows = await all.OrderBy(r => r.Date).ThenBy(r => r.TaskCode).ThenBy(r => r.IsDeadline)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (rows, total);
    }
}
