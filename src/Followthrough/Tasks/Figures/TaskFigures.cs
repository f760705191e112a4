using System.Data.Common;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Tasks;

/// <summary>
/// What each lead unit's tasks due in a period came to, as of a day: the read model Tasks publishes for the bulletin
/// (Evaluation ranks units on it). The tasks counted are those the unit leads whose deadline falls in the period and that
/// were assigned (drafts, returned and cancelled tasks are not its work); each is in exactly one of closed on time, closed
/// late, still overdue, awaiting verification, not yet due, judged against its deadline as <see cref="TaskStanding"/>
/// judges it (completion is the day the unit claimed it). Reporting periods follow <see cref="ReportSchedule"/>'s rule.
/// </summary>
public sealed record UnitTaskFigures(
    int UnitId,
    int Due,
    int ClosedOnTime,
    int ClosedLate,
    int StillOverdue,
    int AwaitingVerification,
    int ReportsDue,
    int ReportsOnTime,
    long DelayWorkingDays);

/// <summary>
/// Computes <see cref="UnitTaskFigures"/> set-based, so a quarter over a million tasks is one grouped query (timings in
/// bench/RESULTS.md): one grouped pass over the tasks due in the period (a range scan of the covering index
/// <c>evaluation_tasks_due</c>) gives each unit's counts, the reporting periods its tasks owed and, from each task's summary
/// of its answered periods (<see cref="ReportedPeriods"/>), the periods answered on time; a second grouped pass reads the
/// reports of the due tasks whose summary is missing (<see cref="TaskFiguresSql"/>), so the figures are exact whether or not
/// the summaries are filled. Working days of delay are summed without a row per task: the working days between a deadline
/// and a completion day are ordinal(completion) − ordinal(deadline), where ordinal counts working days from a fixed day on
/// the working-day calendar, so a unit's total is Σ ordinal(ends) − Σ ordinal(deadlines) over a few thousand (unit, date)
/// groups.
/// </summary>
public sealed class TaskFigures(FollowthroughDb db, IWorkingDayCalendar calendar)
{
    /// <summary>Each lead unit's figures for the tasks due from <paramref name="from"/> to <paramref name="to"/>, with overdue
    /// and delays counted to <paramref name="today"/>. The tasks are read as they stand now: this is not history.</summary>
    public async Task<IReadOnlyList<UnitTaskFigures>> ForPeriodAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken = default)
    {
        var sql = new TaskFiguresSql(db.Database.IsSqlite());
        var parameters = TaskFiguresSql.Parameters(from, to, today).ToList();
        await using var reading = await ReadWithoutJitAsync(cancellationToken);
        var groups = await QueryAsync(sql.Tasks, parameters, r => new TaskGroup(
            r.GetInt32(0), r.GetDayOrNull(1), r.GetDayOrNull(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8),
            r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.IsDBNull(12) ? null : r.GetInt32(12)), cancellationToken);

        // Periods answered: from the summaries of the tasks that have one (in the pass above), and from the reports of
        // those that have none yet (the fill, ReportedPeriodSummaries, has not reached them since their reports last changed).
        var reportRows = groups.Select(g => (Unit: g.UnitId, g.Candidate, OnTime: g.SummaryOnTime, OnCompletionDay: g.SummaryOnCompletionDay)).ToList();
        if (groups.Any(g => g.Unsummarized > 0))
        {
            reportRows.AddRange(await QueryAsync(sql.Reports, parameters, r => (
                Unit: r.GetInt32(0), Candidate: r.IsDBNull(1) ? (int?)null : r.GetInt32(1), OnTime: r.GetInt64(2), OnCompletionDay: r.GetInt64(3)), cancellationToken));
        }

        var onTime = reportRows.GroupBy(r => r.Unit)
            .ToDictionary(g => g.Key, g => (OnTime: g.Sum(r => r.OnTime), OnCompletionDay: g.Sum(r => r.OnCompletionDay)));
        var candidates = reportRows.Where(r => r.Candidate is not null).Select(r => r.Candidate!.Value).Distinct().ToList();
        var lateOnCompletionDay = await LateOnCompletionDayAsync(candidates, from, to, today, cancellationToken);

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

        var todayOrdinal = Ordinal(today < anchor ? anchor : today);
        var counts = new Dictionary<int, UnitCounts>();
        foreach (var group in groups)
        {
            var c = counts.GetValueOrDefault(group.UnitId) ?? (counts[group.UnitId] = new UnitCounts());
            c.Due += group.Due;
            c.OnTime += group.OnTime;
            c.Late += group.Late;
            c.Overdue += group.Overdue;
            c.Awaiting += group.Awaiting;
            c.ReportsDue += group.ReportsDue;
            c.Delay += (group.DelayedDeadline is { } deadline ? -Ordinal(deadline) * group.Due : 0)
                + (group.LateEnd is { } end ? Ordinal(end) * group.Due : 0)
                + (todayOrdinal * group.Overdue);
        }

        return [.. counts.Select(pair =>
        {
            var (id, c) = (pair.Key, pair.Value);
            var answered = onTime.GetValueOrDefault(id);
            var reportsDue = c.ReportsDue + answered.OnCompletionDay + lateOnCompletionDay.GetValueOrDefault(id);
            return new UnitTaskFigures(
                id, (int)c.Due, (int)c.OnTime, (int)c.Late, (int)c.Overdue, (int)c.Awaiting, (int)reportsDue, (int)answered.OnTime, c.Delay);
        })];
    }

    /// <summary>
    /// Periods that end on a task's completion day count only when answered. Answered on time is counted in SQL; answered
    /// late is decided here by <see cref="ReportSchedule"/> itself, for the few tasks that reported after completing on the
    /// last day of a period. Returns, per unit, how many such periods were answered late.
    /// </summary>
    private async Task<Dictionary<int, long>> LateOnCompletionDayAsync(
        List<int> ids, DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, long>();
        if (ids.Count == 0)
        {
            return result;
        }

        var tasks = await db.Set<WorkTask>().AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.LeadUnitId, t.ReportingCadence, t.AssignedOn, t.Deadline, Completed = t.CompletionClaimedOn ?? t.ClosedOn })
            .ToListAsync(cancellationToken);
        var dates = (await db.Set<ProgressReport>().AsNoTracking()
            .Where(r => r.ReturnedAt == null && ids.Contains(r.TaskId))
            .Select(r => new { r.TaskId, r.ReportedOn }).ToListAsync(cancellationToken))
            .ToLookup(r => r.TaskId, r => r.ReportedOn);
        foreach (var task in tasks)
        {
            var completed = task.Completed!.Value;
            var periods = ReportSchedule.Periods(task.ReportingCadence, task.AssignedOn!.Value, dates[task.Id], completed, deadline: task.Deadline);
            var late = periods.Count(p => p.End == completed && p.End >= from && p.End <= to && p.End < today && p.Status == ReportPeriodStatus.Late);
            result[task.LeadUnitId] = result.GetValueOrDefault(task.LeadUnitId) + late;
        }

        return result;
    }

    /// <summary>
    /// On PostgreSQL, a transaction for these reads with the JIT off: PostgreSQL would first compile
    /// <see cref="TaskFiguresSql"/>'s long expressions, which on a quarter of 57,000 due tasks took 1.5 s against 0.3 s to run
    /// them without it (bench/RESULTS.md). SET LOCAL keeps the setting to that transaction, which only reads (disposing it
    /// undoes nothing else). Null on SQLite, or when the caller's own transaction is used.
    /// </summary>
    private async Task<IDbContextTransaction?> ReadWithoutJitAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            return null;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.ExecuteAsync("SET LOCAL jit = off", [], cancellationToken);
        return own;
    }

    /// <summary>Runs one of <see cref="TaskFiguresSql"/>'s queries (its text built from constants; every value a parameter).</summary>
    private Task<List<T>> QueryAsync<T>(
        string text, List<(string Name, object Value)> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        db.QueryAsync(text, parameters.Select(p => ("@" + p.Name, (object?)p.Value)), read, cancellationToken);

    private sealed record TaskGroup(
        int UnitId, DateOnly? DelayedDeadline, DateOnly? LateEnd, long Due, long OnTime, long Late, long Overdue, long Awaiting, long ReportsDue,
        long SummaryOnTime, long SummaryOnCompletionDay, long Unsummarized, int? Candidate);

    private sealed class UnitCounts
    {
        public long Due { get; set; }

        public long OnTime { get; set; }

        public long Late { get; set; }

        public long Overdue { get; set; }

        public long Awaiting { get; set; }

        public long ReportsDue { get; set; }

        public long Delay { get; set; }
    }
}
