using System.Globalization;
using Followthrough.Services.Clock;
using Followthrough.Storage;
using Followthrough.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Applications;

/// <summary>
/// The review steps (审查环节) under way whose own due date is near or past, for the daily supervision run
/// (<see cref="ISupervisedWork"/>), like <see cref="ApplicationsDue"/> for the whole limit: the run reminds and urges the
/// application's unit about the step. This module writes nothing for it.
/// </summary>
internal sealed class ReviewStepsDue(FollowthroughDb db, ServiceClock clock) : ISupervisedWork
{
    private const int PageSize = 500;

    public async IAsyncEnumerable<WorkDue> DueByAsync(
        DateOnly today, DateOnly until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var calendar = await clock.CalendarAsync(cancellationToken);
        var (afterDue, afterId) = (DateOnly.MinValue, 0);
        while (true)
        {
            var page = await db.Set<ApplicationReview>().AsNoTracking()
                .Where(r => r.StartedOn != null && r.CompletedAt == null && r.DueOn != null && r.DueOn <= until)
                .Where(r => r.Application!.State == ApplicationState.Accepted)
                .Where(r => r.DueOn > afterDue || (r.DueOn == afterDue && r.Id > afterId))
                .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
                .Select(r => new { r.Id, r.ApplicationId, r.Number, r.NameZh, r.Application!.UnitId, r.Application.ItemCode, Due = r.DueOn!.Value })
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var r in page)
            {
                var left = LegalClock.WorkingDaysLeft(calendar, today, r.Due);
                yield return new WorkDue(
                    string.Create(CultureInfo.InvariantCulture, $"service-review-step:{r.ApplicationId}:{r.Number}"), r.UnitId,
                    string.Create(CultureInfo.InvariantCulture, $"{r.ItemCode} #{r.ApplicationId} · {r.Number}"), r.NameZh,
                    string.Create(CultureInfo.InvariantCulture, $"/services/applications/{r.ApplicationId}"), r.Due, Math.Max(0, -left));
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            (afterDue, afterId) = (page[^1].Due, page[^1].Id);
        }
    }
}
