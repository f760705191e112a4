using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Applications;

/// <summary>
/// What a rating (好差评) of an application needs to know of it: who applied, which unit and item, where it stands, when
/// it was decided and by whom (the person who took the approve or reject step; null when the rules decided, 秒批).
/// </summary>
public sealed record ApplicationForRating(
    int Id,
    int ApplicantId,
    int UnitId,
    int ItemId,
    string ItemCode,
    string ItemNameZh,
    string ItemNameEn,
    ApplicationState State,
    DateTime? DecidedAt,
    int? DecidedById)
{
    /// <summary>Decided (approved or rejected, delivered or not): the moment from which it may be rated.</summary>
    public bool IsDecided => State is ApplicationState.Approved or ApplicationState.Rejected or ApplicationState.Delivered;
}

public sealed partial class ServiceApplications
{
    /// <summary>The application as a rating sees it, whoever asks (the caller checks who may rate); null when there is none.</summary>
    public async Task<ApplicationForRating?> ForRatingAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        var a = await Applications.AsNoTracking().Where(x => x.Id == applicationId)
            .Select(x => new { x.Id, x.ApplicantId, x.UnitId, x.ItemId, x.ItemCode, x.ItemNameZh, x.ItemNameEn, x.State, x.DecidedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        var decidedBy = await db.Set<ServiceApplicationStep>().AsNoTracking()
            .Where(s => s.ApplicationId == applicationId && (s.Step == ApplicationStep.Approved || s.Step == ApplicationStep.Rejected))
            .OrderByDescending(s => s.Id).Select(s => s.TakenById).FirstOrDefaultAsync(cancellationToken);
        return new ApplicationForRating(a.Id, a.ApplicantId, a.UnitId, a.ItemId, a.ItemCode, a.ItemNameZh, a.ItemNameEn, a.State, a.DecidedAt, decidedBy);
    }
}
