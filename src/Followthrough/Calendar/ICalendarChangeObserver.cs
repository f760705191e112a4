namespace Followthrough.Calendar;

/// <summary>
/// The seam through which a module hears that the working-day calendar changed (an import, a regional day added,
/// changed or removed), so it can recompute what it counted on the old one. <see cref="CalendarStore"/> calls every
/// registered observer after its change is committed, in the same scope: an observer that fails does not undo the
/// calendar change.
/// </summary>
public interface ICalendarChangeObserver
{
    Task CalendarChangedAsync(CancellationToken cancellationToken);
}
