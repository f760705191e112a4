using System.Globalization;
using Followthrough.Ratings;
using Followthrough.Ratings.Rating;
using Followthrough.Ratings.Rectification;
using Followthrough.Services.Applications;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Ratings;

/// <summary>
/// Ratings written straight into the tables for a month long past, so that figures, appeals and the publication can be
/// checked by hand: each rating on its own decided application of the cast's item.
/// </summary>
internal static class RatedMonthSamples
{
    private static readonly CurrentUser Office = new(null, "office", Role.Supervisor, null);

    /// <summary>Rates a new decided application of the cast's item with <paramref name="grade"/> at <paramref name="ratedAt"/> (UTC).</summary>
    public static async Task<int> RateAsync(AppFixture app, ApplicationCast cast, RatingGrade grade, DateTime ratedAt)
    {
        var decided = await app.WithServicesAsync(sp => cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Approved));
        await using var scope = app.Db();
        var rating = new ServiceRating
        {
            ApplicationId = decided.Id, ItemId = cast.Item.Id, ItemCode = cast.Item.Code, UnitId = cast.Item.UnitId, OfficerId = cast.Approver.PersonId,
            RaterId = cast.Applicant.PersonId!.Value, Channel = RatingChannel.Online, Grade = grade,
            RatedAt = DateTime.SpecifyKind(ratedAt, DateTimeKind.Utc),
            RatedMonth = ChinaClock.Local(ratedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
        scope.Db.Add(rating);
        await scope.Db.SaveChangesAsync();
        return rating.Id;
    }

    /// <summary>Gives a bad rating its rectification case, due on <paramref name="due"/>, rectified and called back as given (UTC).</summary>
    public static async Task CaseAsync(AppFixture app, int ratingId, int unitId, DateOnly due, DateTime? rectifiedAt, DateTime? calledBackAt)
    {
        var task = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<TaskLedger>().CreateDraftsAsync(Office,
            [new DraftTask(new TaskInput { Title = "Rectify rating " + ratingId + " " + Guid.NewGuid().ToString("N")[..6], LeadUnitId = unitId, DeadlineKind = DeadlineKind.None })])).Value![0].TaskId);
        await using var scope = app.Db();
        scope.Db.Add(new RatingRectification
        {
            RatingId = ratingId, TaskId = task, UnitId = unitId, DueOn = due,
            State = calledBackAt is not null ? RectificationState.CalledBack : rectifiedAt is not null ? RectificationState.Rectified : RectificationState.Opened,
            RectifiedAt = rectifiedAt is { } r ? DateTime.SpecifyKind(r, DateTimeKind.Utc) : null,
            RectificationNote = rectifiedAt is null ? null : "Fixed.",
            CalledBackAt = calledBackAt is { } c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : null,
            CallbackReached = calledBackAt is null ? null : true,
        });
        await scope.Db.SaveChangesAsync();
    }
}
