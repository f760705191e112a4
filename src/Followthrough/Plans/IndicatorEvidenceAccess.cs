using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>Whether the caller may see one evidence file (<see cref="PlanPermissions.CanSeeEvidence"/>), read from the database.</summary>
internal static class IndicatorEvidenceAccess
{
    /// <summary>The evidence file when it exists and the caller may see it; otherwise null, the same for both.</summary>
    public static async Task<IndicatorEvidence?> FindVisibleAsync(FollowthroughDb db, CurrentUser user, int id, CancellationToken cancellationToken)
    {
        var file = await db.Set<IndicatorEvidence>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var citedForOwnUnit = user.Role == Role.UnitStaff && user.UnitId is { } unitId && await (
            from v in db.Set<IndicatorValue>()
            join i in db.Set<Indicator>() on v.IndicatorId equals i.Id
            where v.EvidenceId == id && i.ReportingUnitId == unitId
            select v.Id).AnyAsync(cancellationToken);
        return PlanPermissions.CanSeeEvidence(user, file.UploadedById, citedForOwnUnit) ? file : null;
    }
}
