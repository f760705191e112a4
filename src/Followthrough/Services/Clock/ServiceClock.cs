using Followthrough.Calendar;
using Microsoft.Extensions.Options;

namespace Followthrough.Services.Clock;

/// <summary>
/// The legal clock on the working days of the configured region (<see cref="ServicesOptions.CalendarRegion"/>,
/// Dalian by default), current as the calendar service holds it: what applications, pages and jobs ask.
/// </summary>
public sealed class ServiceClock(CalendarService calendars, IOptions<ServicesOptions> options, TimeProvider time)
{
    /// <summary>The region's working-day calendar.</summary>
    public ValueTask<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken = default) =>
        calendars.GetAsync(options.Value.CalendarRegion, cancellationToken);

    /// <inheritdoc cref="LegalClock.Due"/>
    public async Task<LegalDeadline> DueAsync(
        DateOnly accepted, int days, IReadOnlyList<ClockPause>? pauses = null, int extension = 0, CancellationToken cancellationToken = default) =>
        LegalClock.Due(await CalendarAsync(cancellationToken), accepted, days, pauses, extension);

    /// <summary>Working days left to <paramref name="due"/> from today in China; negative when overdue.</summary>
    public async Task<int> WorkingDaysLeftAsync(DateOnly due, CancellationToken cancellationToken = default) =>
        LegalClock.WorkingDaysLeft(await CalendarAsync(cancellationToken), time.Today(), due);

    /// <summary>Working days used from the day of acceptance (which does not count) to <paramref name="decided"/>
    /// (which does): what a decision on that day took of its limit.</summary>
    public async Task<int> WorkingDaysUsedAsync(DateOnly accepted, DateOnly decided, CancellationToken cancellationToken = default) =>
        decided <= accepted ? 0 : LegalClock.WorkingDaysLeft(await CalendarAsync(cancellationToken), accepted, decided);
}
