using Followthrough.Calendar;
using Microsoft.Extensions.Options;

namespace Followthrough.Needs;

/// <summary>A need's limit on the working days of the configured region (<see cref="NeedsOptions.CalendarRegion"/>):
/// the day the clock starts does not count, day 1 is the next working day.</summary>
internal sealed class NeedClock(CalendarService calendars, IOptions<NeedsOptions> options)
{
    public NeedsOptions Options => options.Value;

    public ValueTask<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken = default) =>
        calendars.GetAsync(options.Value.CalendarRegion, cancellationToken);

    /// <summary>The due date of <paramref name="category"/>'s limit counted from <paramref name="from"/>.</summary>
    public async Task<(int Days, DateOnly Due)> DueAsync(NeedCategory category, DateOnly from, CancellationToken cancellationToken = default)
    {
        var days = options.Value.DaysFor(category);
        return (days, (await CalendarAsync(cancellationToken)).AddWorkingDays(from, days).Date);
    }

    /// <summary>Working days left from <paramref name="today"/> to <paramref name="due"/>; negative when overdue.</summary>
    public static int DaysLeft(WorkingCalendar calendar, DateOnly today, DateOnly due) => calendar.WorkingDaysBetween(today, due).WorkingDays;
}
