using System.Text.Json.Serialization;

namespace Followthrough.Tasks;

[JsonConverter(typeof(JsonStringEnumConverter<ReportPeriodStatus>))]
internal enum ReportPeriodStatus
{
    /// <summary>A report was filed within the period.</summary>
    OnTime,

    /// <summary>The period's report came after its end (a catch-up report).</summary>
    Late,

    /// <summary>The period is over and no report answers it.</summary>
    Missing,

    /// <summary>The period is still running (or about to): its report is not due yet.</summary>
    Open,
}

/// <summary>A reporting period: a report is owed by <see cref="End"/>, the last day on which it is on time.</summary>
internal sealed record ReportPeriod(DateOnly Start, DateOnly End, ReportPeriodStatus Status, DateOnly? ReportedOn);

/// <summary>
/// Which progress reports are missing or late, from the cadence alone. Periods are calendar weeks (Monday to
/// Sunday), months or quarters; the partial period in which the task was assigned is folded into the first whole
/// one, so a task assigned on 30 January owes its first monthly report by the end of February. With
/// <see cref="ReportingCadence.OnTimeNodes"/> a period ends at each time node and at the deadline.
/// A report answers the period it falls in; when that one is already answered, it answers the earliest
/// unanswered earlier period, late. Reports before assignment count towards the first period.
/// </summary>
internal static class ReportSchedule
{
    public static IReadOnlyList<ReportPeriod> Periods(
        ReportingCadence cadence,
        DateOnly assignedOn,
        IEnumerable<DateOnly> reportDates,
        DateOnly today,
        IEnumerable<DateOnly>? timeNodes = null,
        DateOnly? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(reportDates);
        var bounds = Bounds(cadence, assignedOn, today, timeNodes ?? [], deadline);
        var answered = new DateOnly?[bounds.Count];
        var late = new bool[bounds.Count];
        foreach (var date in reportDates.Order())
        {
            var own = bounds.FindIndex(b => date <= b.End && (date >= b.Start || b.Start == assignedOn));
            if (own >= 0 && answered[own] is null)
            {
                answered[own] = date;
                continue;
            }

            var earlier = Enumerable.Range(0, bounds.Count).FirstOrDefault(i => answered[i] is null && bounds[i].End < date, -1);
            if (earlier >= 0)
            {
                answered[earlier] = date;
                late[earlier] = true;
            }
        }

        return [.. bounds.Select((b, i) => new ReportPeriod(b.Start, b.End,
            answered[i] is not null ? (late[i] ? ReportPeriodStatus.Late : ReportPeriodStatus.OnTime)
                : b.End < today ? ReportPeriodStatus.Missing : ReportPeriodStatus.Open,
            answered[i]))];
    }

    /// <summary>The last day of the earliest unanswered period: the date the next report is owed by; null when none is owed.</summary>
    public static DateOnly? NextDue(IReadOnlyList<ReportPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.FirstOrDefault(p => p.Status is ReportPeriodStatus.Missing or ReportPeriodStatus.Open)?.End;
    }

    public static IReadOnlyList<ReportPeriod> Missing(IReadOnlyList<ReportPeriod> periods) =>
        [.. (periods ?? []).Where(p => p.Status == ReportPeriodStatus.Missing)];

    /// <summary>Periods from assignment up to the one running today, plus the next one (so a fully answered schedule still says when the next report is owed).</summary>
    private static List<(DateOnly Start, DateOnly End)> Bounds(
        ReportingCadence cadence, DateOnly assignedOn, DateOnly today, IEnumerable<DateOnly> timeNodes, DateOnly? deadline)
    {
        var bounds = new List<(DateOnly Start, DateOnly End)>();
        if (cadence == ReportingCadence.OnTimeNodes)
        {
            var ends = timeNodes.Concat(deadline is { } last ? [last] : Array.Empty<DateOnly>())
                .Where(d => d >= assignedOn).Distinct().Order().ToList();
            var start = assignedOn;
            foreach (var end in ends)
            {
                bounds.Add((start, end));
                start = end.AddDays(1);
            }

            return bounds;
        }

        var first = PeriodStart(cadence, assignedOn) == assignedOn
            ? PeriodEnd(cadence, assignedOn)
            : PeriodEnd(cadence, PeriodEnd(cadence, assignedOn).AddDays(1));
        bounds.Add((assignedOn, first));
        while (bounds[^1].Start <= today)
        {
            var next = bounds[^1].End.AddDays(1);
            bounds.Add((next, PeriodEnd(cadence, next)));
        }

        return bounds;
    }

    private static DateOnly PeriodStart(ReportingCadence cadence, DateOnly day) => cadence switch
    {
        ReportingCadence.Weekly => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        ReportingCadence.Monthly => new DateOnly(day.Year, day.Month, 1),
        ReportingCadence.Quarterly => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Time-node periods have no calendar start."),
    };

    private static DateOnly PeriodEnd(ReportingCadence cadence, DateOnly day) => cadence switch
    {
        ReportingCadence.Weekly => PeriodStart(cadence, day).AddDays(6),
        ReportingCadence.Monthly => PeriodStart(cadence, day).AddMonths(1).AddDays(-1),
        ReportingCadence.Quarterly => PeriodStart(cadence, day).AddMonths(3).AddDays(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Time-node periods have no calendar end."),
    };
}
