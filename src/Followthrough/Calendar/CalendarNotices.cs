namespace Followthrough.Calendar;

/// <summary>
/// Calendar warnings administrators must act on, shown by the layout on every page. Cheap and synchronous: it reads
/// the calendar snapshot already in memory (<see cref="CalendarService.Latest"/>) and never waits for the database.
/// </summary>
internal sealed class CalendarNotices(CalendarService calendars, TimeProvider clock)
{
    /// <summary>The State Council publishes next year's schedule around November; from then on its absence is news.</summary>
    public const int WarnFromMonth = 11;

    /// <summary>
    /// The year whose official national schedule is missing and matters now: from 1 November (Beijing time, by the
    /// injected clock) next year when it is not loaded; at any time the current year when it is not loaded (deadlines
    /// in it are already provisional). Null when there is nothing to do.
    /// </summary>
    public NextYearNotice? NextYearWarning()
    {
        var today = ChinaClock.Today(clock);
        var snapshot = calendars.Latest;
        if (!snapshot.IsOfficial(today.Year))
        {
            return new NextYearNotice(today.Year);
        }

        return today.Month >= WarnFromMonth && !snapshot.IsOfficial(today.Year + 1) ? new NextYearNotice(today.Year + 1) : null;
    }
}

/// <summary>A year whose official holiday schedule should be imported.</summary>
internal sealed record NextYearNotice(int Year);
