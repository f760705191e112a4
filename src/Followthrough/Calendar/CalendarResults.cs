namespace Followthrough.Calendar;

/// <summary>
/// The answer of <see cref="WorkingCalendar.AddWorkingDays"/>. <see cref="Provisional"/> is true when a day that was
/// counted (or skipped) lies in a year with no official schedule, where only weekends were treated as rest days.
/// </summary>
public readonly record struct WorkingDayResult(DateOnly Date, bool Provisional);

/// <summary>The answer of <see cref="WorkingCalendar.WorkingDaysBetween"/>; provisional as for <see cref="WorkingDayResult"/>.</summary>
public readonly record struct WorkingDayCount(int WorkingDays, bool Provisional);

/// <summary>What the calendar says about one day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Kind">Why it is or is not a working day.</param>
/// <param name="Name">The holiday's name (e.g. 春节) for listed days; null for ordinary weekdays and weekends.</param>
/// <param name="Provisional">True when the day's year has no official schedule (weekends only).</param>
public readonly record struct DayDescription(DateOnly Date, DayKind Kind, string? Name, bool Provisional)
{
    public bool IsWorkingDay => Kind.IsWorking();
}
