using Followthrough.Services.Clock;
using Followthrough.Storage;
using Followthrough.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Applications;

/// <summary>
/// The applications whose committed limit (承诺时限) is near or past, for the daily supervision run
/// (<see cref="ISupervisedWork"/>): those whose clock runs, read by their committed due date a page at a time, each with
/// the working days it is late on the legal clock's calendar. The run reminds and urges their unit; this module
/// writes nothing for it.
/// </summary>
internal sealed class ApplicationsDue(FollowthroughDb db, ServiceClock clock) : ISupervisedWork
{
    private const int PageSize = 500;

    public async IAsyncEnumerable<WorkDue> DueByAsync(
        DateOnly today, DateOnly until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var calendar = await clock.CalendarAsync(cancellationToken);
        var running = ApplicationRules.ClockRunning;
        var (afterDue, afterId) = (DateOnly.MinValue, 0);
        while (true)
        {
            var page = await db.Set<ServiceApplication>().AsNoTracking()
                .Where(a => running.Contains(a.State) && a.CommittedDue != null && a.CommittedDue <= until)
                .Where(a => a.CommittedDue > afterDue || (a.CommittedDue == afterDue && a.Id > afterId))
                .OrderBy(a => a.CommittedDue).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.UnitId, a.ItemCode, a.ItemNameZh, Due = a.CommittedDue!.Value })
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var a in page)
            {
                var left = LegalClock.WorkingDaysLeft(calendar, today, a.Due);
                yield return new WorkDue(
                    $"service-application:{a.Id}", a.UnitId, $"{a.ItemCode} #{a.Id}", a.ItemNameZh, $"/services/applications/{a.Id}",
                    a.Due, Math.Max(0, -left));
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            (afterDue, afterId) = (page[^1].Due, page[^1].Id);
        }
    }
}
