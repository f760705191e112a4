namespace Followthrough.Tasks;

/// <summary>
/// What the task rules need from the working-day calendar: is a day a working day, and is that year's official
/// schedule loaded yet. Kept this small so the rules are tested with a calendar written in the test, and so the
/// Calendar module's service plugs in through a thin adapter.
/// </summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>True when the official holiday schedule for the date's year is not loaded: counts are weekends-only guesses.</summary>
    bool IsProvisional(DateOnly date);

    /// <summary>The date <paramref name="count"/> working days after <paramref name="start"/> (see <see cref="WorkingDays.Add"/>);
    /// a calendar with lookup tables answers this without walking the days.</summary>
    DateOnly AddWorkingDays(DateOnly start, int count) => WorkingDays.Walk(this, start, count);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to ≤ from.</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to) => WorkingDays.Tally(this, from, to);
}

/// <summary>Counting in working days (工作日). The day of assignment is not counted: day 1 is the next working day.</summary>
public static class WorkingDays
{

    /// <summary>The date that is <paramref name="count"/> working days after <paramref name="start"/>.</summary>
    public static DateOnly Add(this IWorkingDayCalendar calendar, DateOnly start, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return calendar.AddWorkingDays(start, count);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to ≤ from.</summary>
    public static int Between(this IWorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingDaysBetween(from, to);
    }

    /// <summary>Counting day by day, for calendars without lookup tables (and dates outside them).</summary>
    public static DateOnly Walk(IWorkingDayCalendar calendar, DateOnly start, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = start;
        for (int found = 0, scanned = 0; found < count; scanned++)
        {
            if (scanned > 366 + (count * 3))
            {
                // Real calendars have about 250 working days a year; this stops a broken one from looping forever.
                throw new InvalidOperationException("The calendar has too few working days to count that far.");
            }

            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                found++;
            }
        }

        return day;
    }

    /// <summary>Counting day by day, for calendars without lookup tables (and dates outside them).</summary>
    public static int Tally(IWorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether any day after <paramref name="from"/> up to <paramref name="to"/> falls in a provisional year.</summary>
    public static bool AnyProvisional(this IWorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        for (var year = from.Year; year <= to.Year; year++)
        {
            if (calendar.IsProvisional(new DateOnly(year, 1, 1)))
            {
                return true;
            }
        }

        return false;
    }
}
