namespace Followthrough.Tasks;

/// <summary>
/// Stand-in until the Calendar module's service is wired in: Saturdays and Sundays are rest days and every year is
/// provisional, so every deadline computed with it says so.
/// </summary>
internal sealed class WeekendsOnlyCalendar : IWorkingDayCalendar
{
    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool IsProvisional(DateOnly date) => true;
}
