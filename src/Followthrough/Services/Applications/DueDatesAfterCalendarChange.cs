using Followthrough.Calendar;

namespace Followthrough.Services.Applications;

/// <summary>When the working-day calendar changes, open applications' due dates are computed again on it, and each
/// that moved says so in its history (old → new).</summary>
internal sealed class DueDatesAfterCalendarChange(ApplicationClockSteps clockSteps) : ICalendarChangeObserver
{
    public Task CalendarChangedAsync(CancellationToken cancellationToken) => clockSteps.RecomputeOpenAsync(cancellationToken);
}
