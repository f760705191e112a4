using Microsoft.EntityFrameworkCore;

namespace Followthrough.Needs;

/// <summary>The lists of needs: the enterprise's own, a unit's queue (overdue first), the supervision office's overview.</summary>
public sealed partial class EnterpriseNeeds
{
    private const int MaxRows = 500;

    /// <summary>The enterprise's own needs, newest first.</summary>
    public async Task<IReadOnlyList<NeedRow>> MineAsync(CurrentUser me, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (me.PersonId is not { } personId || me.Role is not Role.Enterprise)
        {
            return [];
        }

        var rows = await db.Set<EnterpriseNeed>().AsNoTracking().Where(n => n.EnterprisePersonId == personId)
            .OrderByDescending(n => n.Id).Take(MaxRows).ToListAsync(cancellationToken);
        return await RowsAsync(rows, cancellationToken);
    }

    /// <summary>A unit's queue: the needs whose move is the unit's (to hand on or dispatch, to answer, to call back),
    /// overdue and nearest due first (on <c>ix_enterprise_needs_queue</c>), then those it co-operates on;
    /// <paramref name="overdueOnly"/> keeps those past their limit.</summary>
    public async Task<Outcome<IReadOnlyList<NeedRow>>> QueueAsync(CurrentUser me, int unitId, bool overdueOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!NeedsPermissions.CanReadQueue(me, unitId))
        {
            return Outcome.Forbidden<IReadOnlyList<NeedRow>>("Only the unit's staff and the supervision office read a unit's needs.");
        }

        var today = db.Clock.Today();
        var held = db.Set<EnterpriseNeed>().AsNoTracking().Where(n => n.HolderUnitId == unitId);
        var helping = db.Set<EnterpriseNeed>().AsNoTracking().Where(n => n.State == NeedState.Dispatched && n.HolderUnitId != unitId
            && db.Set<EnterpriseNeedCoUnit>().Any(c => c.NeedId == n.Id && c.UnitId == unitId));
        if (overdueOnly)
        {
            held = held.Where(n => n.DueOn < today && NeedRules.ClockRunning.Contains(n.State));
            helping = helping.Where(n => n.DueOn < today);
        }

        var rows = await held.OrderBy(n => n.DueOn).ThenBy(n => n.Id).Take(MaxRows).ToListAsync(cancellationToken);
        rows.AddRange(await helping.OrderBy(n => n.DueOn).ThenBy(n => n.Id).Take(MaxRows).ToListAsync(cancellationToken));
        return Outcome.Done<IReadOnlyList<NeedRow>>(Ordered(await RowsAsync(rows, cancellationToken)));
    }

    /// <summary>Every open need (or those past their limit), overdue first, with the counts by state: the supervision
    /// office's overview, and what <c>followthrough needs list</c> prints without a unit.</summary>
    public async Task<Outcome<NeedsOverview>> OverviewAsync(CurrentUser me, bool overdueOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!NeedsPermissions.CanReadOverview(me))
        {
            return Outcome.Forbidden<NeedsOverview>("Only the supervision office, the leaders and the administrators read every need.");
        }

        var today = db.Clock.Today();
        var open = db.Set<EnterpriseNeed>().AsNoTracking().Where(n => n.State != NeedState.Closed);
        if (overdueOnly)
        {
            open = open.Where(n => n.DueOn < today && NeedRules.ClockRunning.Contains(n.State));
        }

        var rows = await open.OrderBy(n => n.DueOn).ThenBy(n => n.Id).Take(MaxRows).ToListAsync(cancellationToken);
        var counts = await db.Set<EnterpriseNeed>().AsNoTracking().GroupBy(n => n.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var overdue = await db.Set<EnterpriseNeed>().AsNoTracking().CountAsync(n => n.DueOn < today && NeedRules.ClockRunning.Contains(n.State), cancellationToken);
        var escalated = await db.Set<EnterpriseNeed>().AsNoTracking().CountAsync(n => n.Escalated && n.State != NeedState.Closed, cancellationToken);
        return Outcome.Done(new NeedsOverview(
            Ordered(await RowsAsync(rows, cancellationToken)),
            Enum.GetValues<NeedState>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0),
            overdue,
            escalated));
    }

    /// <summary>Overdue first (fewest working days left), then the rest in the order read (answered needs, whose
    /// clock has stopped, last).</summary>
    private static List<NeedRow> Ordered(IReadOnlyList<NeedRow> rows) => [.. rows.OrderBy(r => r.WorkingDaysLeft ?? int.MaxValue)];

    private async Task<IReadOnlyList<NeedRow>> RowsAsync(List<EnterpriseNeed> rows, CancellationToken cancellationToken)
    {
        var calendar = await clock.CalendarAsync(cancellationToken);
        var today = db.Clock.Today();
        return [.. rows.Select(n => new NeedRow(
            n.Id, n.Category, n.Title, n.EnterpriseName, n.State, n.ResponsibleUnitId, n.LeadUnitId, n.HolderUnitId, n.Escalated, n.DueOn,
            NeedRules.ClockRunning.Contains(n.State) ? NeedClock.DaysLeft(calendar, today, n.DueOn) : null, n.Satisfaction, n.FiledAt))];
    }
}
