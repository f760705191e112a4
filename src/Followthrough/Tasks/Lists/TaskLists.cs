using Followthrough.Accounts;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>One line of the responsibility list (责任清单): a unit, its part on a task (lead or co-operating).</summary>
/// <remarks>Settable properties, not a positional record: EF Core translates a UNION of member-init projections only.</remarks>
public sealed class ResponsibilityRow
{
    public int UnitId { get; init; }

    public string UnitCode { get; init; } = string.Empty;

    public bool IsLead { get; init; }

    public int TaskId { get; init; }

    public string TaskCode { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public TaskState State { get; init; }

    public DeadlineKind DeadlineKind { get; init; }

    public DateOnly? Deadline { get; init; }

    public int? DeadlineWorkingDays { get; init; }

    public string Part { get; init; } = string.Empty;
}

/// <summary>One line of the time-node list (时限清单): on this date, this is due.</summary>
public sealed class TimeLimitRow
{
    public DateOnly Date { get; init; }

    public bool IsDeadline { get; init; }

    public string? NodeTitle { get; init; }

    public DateOnly? ReachedOn { get; init; }

    public int TaskId { get; init; }

    public string TaskCode { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public TaskState State { get; init; }

    public int LeadUnitId { get; init; }
}

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
                   select new ResponsibilityRow
                   {
                       UnitId = u.Id, UnitCode = u.Code, IsLead = true, TaskId = t.Id, TaskCode = t.Code, Title = t.Title, State = t.State,
                       DeadlineKind = t.DeadlineKind, Deadline = t.Deadline, DeadlineWorkingDays = t.DeadlineWorkingDays, Part = "",
                   };
        var partners = from p in db.Set<TaskPartner>().AsNoTracking()
                       join t in tasks on p.TaskId equals t.Id
                       join u in units on p.UnitId equals u.Id
                       select new ResponsibilityRow
                       {
                           UnitId = u.Id, UnitCode = u.Code, IsLead = false, TaskId = t.Id, TaskCode = t.Code, Title = t.Title, State = t.State,
                           DeadlineKind = t.DeadlineKind, Deadline = t.Deadline, DeadlineWorkingDays = t.DeadlineWorkingDays, Part = p.Part,
                       };
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
                        select new TimeLimitRow
                        {
                            Date = t.Deadline!.Value, IsDeadline = true, NodeTitle = null, ReachedOn = t.ClosedOn,
                            TaskId = t.Id, TaskCode = t.Code, Title = t.Title, State = t.State, LeadUnitId = t.LeadUnitId,
                        };
        var nodes = from n in db.Set<TimeNode>().AsNoTracking()
                    join t in tasks on n.TaskId equals t.Id
                    where n.DueOn >= first && n.DueOn <= last
                    select new TimeLimitRow
                    {
                        Date = n.DueOn, IsDeadline = false, NodeTitle = n.Title, ReachedOn = n.ReachedOn,
                        TaskId = t.Id, TaskCode = t.Code, Title = t.Title, State = t.State, LeadUnitId = t.LeadUnitId,
                    };
        var all = nodes.Concat(deadlines);
        var total = await all.CountAsync(cancellationToken);
        var rows = await all.OrderBy(r => r.Date).ThenBy(r => r.TaskCode).ThenBy(r => r.IsDeadline)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (rows, total);
    }
}
