namespace Followthrough.Directives.Extraction;

/// <summary>
/// A stand-in working-day count that skips only Saturdays and Sundays, for callers without China's holiday
/// calendar at hand. It is wrong around statutory holidays and make-up working days (调休); use the calendar
/// module's count wherever it is available.
/// </summary>
public static class WeekendCalendar
{
    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/> (which is not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        var left = days;
        var weeks = Math.Max(0, (left / 5) - 1);
        date = date.AddDays(weeks * 7);
        left -= weeks * 5;
        while (left > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }

        return date;
    }
}
