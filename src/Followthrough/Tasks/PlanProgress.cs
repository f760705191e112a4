using Followthrough.Plans;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Followthrough.Tasks;

/// <summary>
/// The tasks' share in a plan's roll-up (<see cref="IPlanProgressSource"/>): every task decomposed from a plan item
/// counts as one part of that item, of kind "task", with its percent (100 once closed) and a status in the plan's words
/// (<see cref="StatusOf"/>). Sub-tasks are left out: they are pieces of their parent, whose percent already covers them.
/// Cancelled tasks are left out too: withdrawn work is neither done nor owed.
/// </summary>
internal sealed class PlanProgress(FollowthroughDb db, IWorkingDayCalendar calendar, IOptions<TaskOptions> options) : IPlanProgressSource
{
    public const string Kind = "task";

    public async Task<ILookup<int, ProgressComponent>> PartsAsync(
        IReadOnlyCollection<int> itemIds, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemIds);

        // The tasks carry plan item ids as origin ids. A plan may have ten thousand items: the ids go as one array
        // parameter, not one parameter each (SQLite allows some 32,000 parameters in a statement).
        List<int?> items = [.. itemIds.Select(id => (int?)id)];
        var tasks = await db.Set<WorkTask>().AsNoTracking()
            .Where(t => t.OriginKind == OriginKind.PlanItem && t.ParentId == null && t.State != TaskState.Cancelled
                && EF.Parameter(items).Contains(t.OriginId))
            .Include(t => t.TimeNodes)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return tasks.ToLookup(t => t.OriginId!.Value, t => Part(t, today, calendar, options.Value));
    }

    /// <summary>One task as a part of its plan item.</summary>
    public static ProgressComponent Part(WorkTask task, DateOnly today, IWorkingDayCalendar calendar, TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        var standing = TaskStanding.Compute(task, today, calendar, options);
        var percent = task.State == TaskState.Closed ? 100 : Math.Clamp(task.Percent, 0, 100);
        return new ProgressComponent(Kind, StatusOf(standing), percent / 100m);
    }

    /// <summary>
    /// A task's standing in the four words of the plan: overdue is off track; due soon or a missed sign-for day is at
    /// risk; a missing progress report is "no data" (as a missing indicator report is), and
    /// so is a draft, since nobody has been asked to do it yet; everything else, including closed work, is on track.
    /// Closed late is on track because the work is done; the lateness shows on the task itself.
    /// </summary>
    public static IndicatorStatus StatusOf(TaskStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return standing.Kind switch
        {
            StandingKind.Overdue => IndicatorStatus.OffTrack,
            StandingKind.DueSoon => IndicatorStatus.AtRisk,
            StandingKind.ReportOverdue or StandingKind.NotAssigned => IndicatorStatus.NoData,
            _ when standing.SignForOverdue => IndicatorStatus.AtRisk,
            _ => IndicatorStatus.OnTrack,
        };
    }
}
