
namespace Followthrough.Tasks;

/// <summary>
/// Numbers the calendar reporting periods of a cadence (weeks from Monday, months, quarters) so that counting a task's
/// reporting periods is a subtraction. Period k of a cadence ends on E(k); for any day d:
/// E(k) ≥ d ⟺ k ≥ Of(d) (the period holding d ends on or after d), and E(k) ≤ d ⟺ k &lt; Of(d) + (d ends its period).
/// The bulletin's SQL computes the same numbers in the database (<see cref="TaskFiguresSql"/>); these are the constants
/// it is given (the period's bounds and today) and the reference its tests hold it to.
/// </summary>
internal static class ReportingOrdinals
{
    /// <summary>Weeks are counted from Monday 1 January 1900, before any date the application stores.</summary>
    public static readonly DateOnly WeekZero = new(1900, 1, 1);

    public static int Of(ReportingCadence cadence, DateOnly day) => cadence switch
    {
        ReportingCadence.Weekly => (day.DayNumber - WeekZero.DayNumber) / 7,
        ReportingCadence.Monthly => (day.Year * 12) + day.Month - 1,
        ReportingCadence.Quarterly => (day.Year * 4) + ((day.Month - 1) / 3),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Time-node periods are not numbered."),
    };

    /// <summary>True when <paramref name="day"/> is the last day of its period.</summary>
    public static bool EndsPeriod(ReportingCadence cadence, DateOnly day) => Of(cadence, day.AddDays(1)) != Of(cadence, day);

    /// <summary>The number of the first period whose end is on or after <paramref name="from"/>.</summary>
    public static int FirstEndingOnOrAfter(ReportingCadence cadence, DateOnly from) => Of(cadence, from);

    /// <summary>One past the number of the last period that ends on or before <paramref name="day"/>.</summary>
    public static int PastLastEndingBy(ReportingCadence cadence, DateOnly day) => Of(cadence, day) + (EndsPeriod(cadence, day) ? 1 : 0);
}
