using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Applications;

/// <summary>
/// The rows of a unit's queue (<see cref="ServiceApplications.QueueAsync"/>): its open applications, or those in one
/// state, by committed due date and then id, those not yet given a due date (not accepted) after them. Read as two
/// walks of an index in that order that stop at the page's end, instead of sorting every matching row: the open
/// ones by the partial index ix_service_applications_open (migration 0029: only applications still open), one state by
/// ix_service_applications_queue (unit, state, due date, id). With ten million applications a unit's open queue read
/// and sorted some 50,000 rows, and one closed state nearly two million (issue 15; bench/RESULTS.md).
/// </summary>
internal static class ApplicationQueue
{
    /// <summary>The queue's page: at most this many rows.</summary>
    public const int Page = 500;

    /// <summary>The unit's applications still open (or in <paramref name="state"/>), due dates first, as the queue lists them.</summary>
    public static async Task<List<ServiceApplication>> ReadAsync(FollowthroughDb db, int unitId, ApplicationState? state, CancellationToken cancellationToken)
    {
        var due = await WithDueDate(db, unitId, state).ToListAsync(cancellationToken);
        if (due.Count < Page)
        {
            due.AddRange(await Matching(db, unitId, state).Where(a => a.CommittedDue == null)
                .OrderBy(a => a.Id).Take(Page - due.Count).ToListAsync(cancellationToken));
        }

        return due;
    }

    /// <summary>The first walk: those with a due date, in the queue's order, one page.</summary>
    internal static IQueryable<ServiceApplication> WithDueDate(FollowthroughDb db, int unitId, ApplicationState? state) =>
        Matching(db, unitId, state).Where(a => a.CommittedDue != null).OrderBy(a => a.CommittedDue).ThenBy(a => a.Id).Take(Page);

    /// <summary>The filter; the open one is written as the partial index's condition is, so that both databases use it.</summary>
    internal static IQueryable<ServiceApplication> Matching(FollowthroughDb db, int unitId, ApplicationState? state)
    {
        var query = db.Set<ServiceApplication>().AsNoTracking().Where(a => a.UnitId == unitId);
        return state is { } s
            ? query.Where(a => a.State == s)
            : query.Where(a => a.State != ApplicationState.Refused && a.State != ApplicationState.Delivered && a.State != ApplicationState.Withdrawn);
    }
}
