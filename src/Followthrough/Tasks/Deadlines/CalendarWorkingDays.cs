using Followthrough.Calendar;
using Microsoft.Extensions.Options;

namespace Followthrough.Tasks;

/// <summary>
/// The Calendar module's working days, for the task rules. It reads the snapshot the calendar service already holds
/// in memory (<see cref="CalendarService.Latest"/>, refreshed in the background), so counting never waits for the
/// database, and uses the calendar's lookup tables for counts. The region is <see cref="TaskOptions.CalendarRegion"/>
/// (Dalian by default: national days, plus any days Liaoning or Dalian add). Outside the calendar's range (2000–2099)
/// it counts weekends only, as provisional.
/// </summary>
internal sealed class CalendarWorkingDays(CalendarService calendars, IOptions<TaskOptions> options) : IWorkingDayCalendar
{
    private WorkingCalendar Calendar => calendars.Latest.For(options.Value.CalendarRegion);

    public bool IsWorkingDay(DateOnly date) => Covered(date)
        ? Calendar.IsWorkingDay(date)
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool IsProvisional(DateOnly date) => !Covered(date) || !calendars.Latest.IsOfficial(date.Year);

    public DateOnly AddWorkingDays(DateOnly start, int count) =>
        Covered(start) && count >= 0 && Covered(start.AddDays(Math.Min(count, 20000) * 2 + 60))
            ? Calendar.AddWorkingDays(start, count).Date
            : WorkingDays.Walk(this, start, count);

    public int WorkingDaysBetween(DateOnly from, DateOnly to) => Covered(from) && Covered(to)
        ? Math.Max(0, Calendar.WorkingDaysBetween(from, to).WorkingDays)
        : WorkingDays.Tally(this, from, to);

    private static bool Covered(DateOnly date) => date >= WorkingCalendar.MinDate && date <= WorkingCalendar.MaxDate;
}
