using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Evaluation;

/// <summary>
/// Computes a bulletin set-based: one grouped count over the tasks due in the period (a range on
/// <c>ix_evaluation_tasks_deadline</c>), two small grouped counts for delays, and one pass over the due tasks'
/// reporting schedules. Working days of delay are summed without a row per task: the working days between a deadline
/// and a completion day are ordinal(completion) − ordinal(deadline), where ordinal counts working days from a fixed
/// day, so a unit's total is Σ ordinal(ends) − Σ ordinal(deadlines) over a few hundred (unit, date) groups.
/// Counts use the same states and the same "completion is the day the unit claimed it" rule as TaskStanding.
/// </summary>
public sealed class BulletinBuilder(FollowthroughDb db, IWorkingDayCalendar calendar)
{
    private static readonly TaskState[] Unassigned = [TaskState.Draft, TaskState.Returned, TaskState.Cancelled];

    public DateOnly Today => db.Clock.Today();

    public Task<Bulletin> BuildAsync(EvaluationPeriod period, CancellationToken cancellationToken = default) =>
        BuildAsync(period, Today, cancellationToken);

    /// <summary>The bulletin with "today" given: overdue and delays are counted to <paramref name="today"/>. The figures
    /// read the tasks as they stand now, so this is for tests and for re-issuing a bulletin the same day, not for history.</summary>
    public async Task<Bulletin> BuildAsync(EvaluationPeriod period, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = (period.From, period.To);
        var due = db.Set<WorkTask>().AsNoTracking()
            .Where(t => t.Deadline >= from && t.Deadline <= to && !Unassigned.Contains(t.State));

        var counts = await due.GroupBy(t => t.LeadUnitId).Select(g => new
        {
            UnitId = g.Key,
            Due = g.Count(),
            OnTime = g.Count(t => t.State == TaskState.Closed && (t.CompletionClaimedOn ?? t.ClosedOn ?? t.Deadline) <= t.Deadline),
            Late = g.Count(t => t.State == TaskState.Closed && (t.CompletionClaimedOn ?? t.ClosedOn ?? t.Deadline) > t.Deadline),
            Overdue = g.Count(t => (t.State == TaskState.Assigned || t.State == TaskState.SignedFor || t.State == TaskState.InProgress) && t.Deadline < today),
            Awaiting = g.Count(t => t.State == TaskState.CompletionClaimed),
        }).ToListAsync(cancellationToken);

        var delayed = due.Where(t =>
            (t.State == TaskState.Closed && (t.CompletionClaimedOn ?? t.ClosedOn ?? t.Deadline) > t.Deadline)
            || ((t.State == TaskState.Assigned || t.State == TaskState.SignedFor || t.State == TaskState.InProgress) && t.Deadline < today));
        var deadlines = await delayed.GroupBy(t => new { t.LeadUnitId, t.Deadline })
            .Select(g => new { g.Key.LeadUnitId, g.Key.Deadline, Count = g.Count() }).ToListAsync(cancellationToken);
        var lateEnds = await due.Where(t => t.State == TaskState.Closed && (t.CompletionClaimedOn ?? t.ClosedOn ?? t.Deadline) > t.Deadline)
            .GroupBy(t => new { t.LeadUnitId, End = t.CompletionClaimedOn ?? t.ClosedOn })
            .Select(g => new { g.Key.LeadUnitId, g.Key.End, Count = g.Count() }).ToListAsync(cancellationToken);

        // Ordinals count working days after the day before the period: every deadline and end is on or after it.
        var anchor = from.AddDays(-1);
        var ordinals = new Dictionary<DateOnly, long>();
        long Ordinal(DateOnly day)
        {
            if (!ordinals.TryGetValue(day, out var value))
            {
                value = calendar.Between(anchor, day);
                ordinals[day] = value;
            }

            return value;
        }

        var delay = new Dictionary<int, long>();
        foreach (var group in deadlines)
        {
            delay[group.LeadUnitId] = delay.GetValueOrDefault(group.LeadUnitId) - (Ordinal(group.Deadline!.Value) * group.Count);
        }

        foreach (var group in lateEnds)
        {
            delay[group.LeadUnitId] = delay.GetValueOrDefault(group.LeadUnitId) + (Ordinal(group.End!.Value) * group.Count);
        }

        var todayOrdinal = Ordinal(today < anchor ? anchor : today);
        foreach (var row in counts.Where(c => c.Overdue > 0))
        {
            delay[row.UnitId] = delay.GetValueOrDefault(row.UnitId) + (todayOrdinal * row.Overdue);
        }

        var reports = await ReportsAsync(due, from, to, today, cancellationToken);
        var key = period.Key;
        var scores = await db.Set<EvaluationScore>().AsNoTracking().Where(s => s.Period == key)
            .ToDictionaryAsync(s => s.UnitId, s => s.Score, cancellationToken);
        var notes = await db.Set<EvaluationNote>().AsNoTracking().Where(n => n.Period == key)
            .OrderBy(n => n.RecordedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);

        var unitIds = counts.Select(c => c.UnitId).Concat(scores.Keys).Concat(notes.Select(n => n.UnitId)).Distinct().ToList();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.NameZh, u.NameEn }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var byUnit = counts.ToDictionary(c => c.UnitId);
        var rows = unitIds.Select(id =>
        {
            var c = byUnit.GetValueOrDefault(id);
            var (reportsDue, reportsOnTime) = reports.GetValueOrDefault(id);
            var figures = c is null
                ? new BulletinFigures(0, 0, 0, 0, 0, 0, reportsDue, reportsOnTime, 0, 0)
                : new BulletinFigures(
                    c.Due, c.OnTime, c.Late, c.Overdue, c.Awaiting, c.Due - c.OnTime - c.Late - c.Overdue - c.Awaiting,
                    reportsDue, reportsOnTime, c.Late + c.Overdue, delay.GetValueOrDefault(id));
            var unit = units[id];
            return new BulletinRow(id, unit.Code, unit.NameZh, unit.NameEn, figures, scores.TryGetValue(id, out var s) ? s : null, null, null);
        });
        var noteRows = notes.Select(n => new BulletinNote(n.Id, n.UnitId, units[n.UnitId].Code, n.Kind, n.Text, n.RecordedAt, n.RecordedByName)).ToList();
        return new Bulletin(period, today, RankingRule.Rank(rows), noteRows);
    }

    /// <summary>
    /// Reporting periods of the due tasks that ended within the bulletin's period (and before today, and not after the
    /// task was completed), and how many were answered on time, by <see cref="ReportSchedule"/>'s own rule. Time nodes
    /// are not read: under the time-node cadence the deadline closes the only period counted here.
    /// </summary>
    private async Task<Dictionary<int, (int Due, int OnTime)>> ReportsAsync(
        IQueryable<WorkTask> due, DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var tasks = await due.Where(t => t.AssignedOn != null && t.SignedOn != null)
            .Select(t => new { t.Id, t.LeadUnitId, t.ReportingCadence, t.AssignedOn, t.Deadline, Completed = t.CompletionClaimedOn ?? t.ClosedOn })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, (int Due, int OnTime)>();
        if (tasks.Count == 0)
        {
            return result;
        }

        var dates = (await db.Set<ProgressReport>().AsNoTracking()
            .Where(r => r.ReturnedAt == null && due.Any(t => t.Id == r.TaskId))
            .Select(r => new { r.TaskId, r.ReportedOn }).ToListAsync(cancellationToken))
            .ToLookup(r => r.TaskId, r => r.ReportedOn);
        foreach (var task in tasks)
        {
            var last = task.Completed is { } completed && completed < today ? completed : today;
            var periods = ReportSchedule.Periods(task.ReportingCadence, task.AssignedOn!.Value, dates[task.Id], last, deadline: task.Deadline);
            var owed = periods.Where(p => p.End >= from && p.End <= to && p.End < today && p.End <= last && p.Status != ReportPeriodStatus.Open).ToList();
            if (owed.Count == 0)
            {
                continue;
            }

            var (d, o) = result.GetValueOrDefault(task.LeadUnitId);
            result[task.LeadUnitId] = (d + owed.Count, o + owed.Count(p => p.Status == ReportPeriodStatus.OnTime));
        }

        return result;
    }
}
