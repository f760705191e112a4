using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>One line of the responsibility list (责任清单): a unit, its part on a task (lead or co-operating).</summary>
/// <remarks>Settable properties, not a positional record: EF Core translates a UNION of member-init projections only.</remarks>
internal sealed class ResponsibilityRow
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

    internal ResponsibilityRow WithUnitCode(string code) => new()
    {
        UnitId = UnitId, UnitCode = code, IsLead = IsLead, TaskId = TaskId, TaskCode = TaskCode, Title = Title, State = State,
        DeadlineKind = DeadlineKind, Deadline = Deadline, DeadlineWorkingDays = DeadlineWorkingDays, Part = Part,
    };
}

/// <summary>One line of the time-node list (时限清单): on this date, this is due.</summary>
internal sealed class TimeLimitRow
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
internal sealed class DecompositionLists(FollowthroughDb db, TaskListReader queries, OrganizationDirectory organization)
{
    /// <summary>
    /// The responsibility list in unit-code order. Units are Organization's, so the list is counted per unit in the
    /// database, the page's units are found in the directory's code order, and only their rows are read, in order.
    /// </summary>
    public async Task<(IReadOnlyList<ResponsibilityRow> Rows, int Total)> ResponsibilityAsync(
        CurrentUser user, int? unitId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var tasks = queries.VisibleTo(user).Where(t => t.State != TaskState.Cancelled);
        var lead = from t in tasks
                   select new ResponsibilityRow
                   {
                       UnitId = t.LeadUnitId, IsLead = true, TaskId = t.Id, TaskCode = t.Code, Title = t.Title, State = t.State,
                       DeadlineKind = t.DeadlineKind, Deadline = t.Deadline, DeadlineWorkingDays = t.DeadlineWorkingDays, Part = "",
                   };
        var partners = from p in db.Set<TaskPartner>().AsNoTracking()
                       join t in tasks on p.TaskId equals t.Id
                       select new ResponsibilityRow
                       {
                           UnitId = p.UnitId, IsLead = false, TaskId = t.Id, TaskCode = t.Code, Title = t.Title, State = t.State,
                           DeadlineKind = t.DeadlineKind, Deadline = t.Deadline, DeadlineWorkingDays = t.DeadlineWorkingDays, Part = p.Part,
                       };
        if (unitId is { } unit)
        {
            lead = lead.Where(r => r.UnitId == unit);
            partners = partners.Where(r => r.UnitId == unit);
        }

        var all = lead.Concat(partners);
        var perUnit = await all.GroupBy(r => r.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UnitId, g => g.Count, cancellationToken);
        var units = await organization.UnitsAsync(activeOnly: false, cancellationToken);
        List<ResponsibilityRow> rows = [];
        var before = 0;
        foreach (var entry in units.Where(u => perUnit.ContainsKey(u.Id)))
        {
            var count = perUnit[entry.Id];
            var from = Math.Max(skip - before, 0);
            var wanted = take - rows.Count;
            if (wanted > 0 && from < count)
            {
                var unitRows = await all.Where(r => r.UnitId == entry.Id).OrderByDescending(r => r.IsLead).ThenBy(r => r.TaskCode)
                    .Skip(from).Take(wanted).ToListAsync(cancellationToken);
                rows.AddRange(unitRows.Select(r => r.WithUnitCode(entry.Code)));
            }

            before += count;
        }

        return (rows, before);
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
