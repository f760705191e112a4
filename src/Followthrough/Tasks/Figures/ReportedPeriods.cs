using System.Text;

namespace Followthrough.Tasks;

/// <summary>
/// A task's answered reporting periods as the text the bulletin reads (tasks.reported_periods, migration 0012):
/// character i (from 1) is '1' when period (<see cref="First"/> + i − 1) of the task's cadence holds a report that was
/// not returned, else '0', with trailing zeros dropped. A report answers period max(first, the period of its day), the
/// same numbering as <see cref="TaskFiguresSql"/> (a report before the first period answers the first). Under the time-node
/// cadence the one period is closed by the deadline: "1" when a report came on or before it.
/// </summary>
internal static class ReportedPeriods
{
    /// <summary>Longer summaries (a report dated decades off) are not written; the bulletin reads those tasks' reports.</summary>
    public const int MaxLength = 1_000;

    /// <summary>The number of the task's first reporting period: the one its assignment day starts, else the next.</summary>
    public static int First(ReportingCadence cadence, DateOnly assignedOn) =>
        ReportingOrdinals.Of(cadence, assignedOn) + (ReportingOrdinals.EndsPeriod(cadence, assignedOn.AddDays(-1)) ? 0 : 1);

    /// <summary>The summary from the days of the task's reports that were not returned (<paramref name="reportedOn"/>),
    /// or null when it would be longer than <see cref="MaxLength"/>.</summary>
    public static string? Summarize(ReportingCadence cadence, DateOnly? assignedOn, DateOnly? deadline, IEnumerable<DateOnly> reportedOn)
    {
        ArgumentNullException.ThrowIfNull(reportedOn);
        if (cadence == ReportingCadence.OnTimeNodes)
        {
            return deadline is { } d && reportedOn.Any(r => r <= d) ? "1" : string.Empty;
        }

        if (assignedOn is not { } assigned)
        {
            return string.Empty; // never read: the bulletin counts reporting periods only for assigned tasks
        }

        var first = First(cadence, assigned);
        var answered = reportedOn.Select(r => Math.Max(first, ReportingOrdinals.Of(cadence, r)) - first).ToHashSet();
        if (answered.Count == 0)
        {
            return string.Empty;
        }

        var length = answered.Max() + 1;
        if (length > MaxLength)
        {
            return null;
        }

        var text = new StringBuilder(new string('0', length));
        foreach (var i in answered)
        {
            text[i] = '1';
        }

        return text.ToString();
    }
}
