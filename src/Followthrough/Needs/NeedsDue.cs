using Followthrough.Storage;
using Followthrough.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Needs;

/// <summary>
/// The open needs whose limit is near or past, for the daily supervision run (<see cref="ISupervisedWork"/>), read by
/// due date a page at a time on <c>ix_enterprise_needs_due</c>, each to the unit whose move it is. The key names the
/// need and that unit (<c>enterprise-need:42:unit-7</c>; the run adds the kind and the due date), so a need handed on,
/// dispatched or reopened with a fresh limit is reminded of afresh to whoever holds it. This module writes no notice.
/// </summary>
internal sealed class NeedsDue(FollowthroughDb db, NeedClock clock) : ISupervisedWork
{
    private const int PageSize = 500;

    public async IAsyncEnumerable<WorkDue> DueByAsync(
        DateOnly today, DateOnly until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var calendar = await clock.CalendarAsync(cancellationToken);
        foreach (var state in NeedRules.ClockRunning)
        {
            var (afterDue, afterId) = (DateOnly.MinValue, 0);
            while (true)
            {
                var page = await db.Set<EnterpriseNeed>().AsNoTracking()
                    .Where(n => n.State == state && n.DueOn <= until && n.HolderUnitId != null)
                    .Where(n => n.DueOn > afterDue || (n.DueOn == afterDue && n.Id > afterId))
                    .OrderBy(n => n.DueOn).ThenBy(n => n.Id)
                    .Select(n => new { n.Id, Unit = n.HolderUnitId!.Value, n.Title, n.DueOn })
                    .Take(PageSize)
                    .ToListAsync(cancellationToken);
                foreach (var n in page)
                {
                    var left = NeedClock.DaysLeft(calendar, today, n.DueOn);
                    yield return new WorkDue($"enterprise-need:{n.Id}:unit-{n.Unit}", n.Unit, $"NEED-{n.Id}", n.Title, $"/needs/{n.Id}", n.DueOn, Math.Max(0, -left));
                }

                if (page.Count < PageSize)
                {
                    break;
                }

                (afterDue, afterId) = (page[^1].DueOn, page[^1].Id);
            }
        }
    }
}
