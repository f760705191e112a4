using Followthrough.Audit;
using Followthrough.Ratings;
using Followthrough.Ratings.Rating;
using Followthrough.Ratings.Rectification;
using Followthrough.Services.Applications;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Ratings;

/// <summary>一事一评: a decided application is rated once, by its applicant (or at the counter, or by the hotline); bad
/// input, a second rating, someone else's application or an undecided one are refused and leave nothing behind.</summary>
public abstract class RatingsTests(AppFixture app)
{
    [Fact]
    public async Task AnApplication_IsRatedOnce_ByItsApplicant_OnlyAfterItsDecision_AndBadInputWritesNothing()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var ratings = sp.GetRequiredService<ServiceRatings>();
            var received = await cast.InStateAsync(applications, ApplicationState.Accepted);
            var approved = await cast.InStateAsync(applications, ApplicationState.Approved);

            Assert.Equal(OutcomeKind.NotNow, (await ratings.RateAsync(cast.Applicant, received.Id, new RatingInput("Satisfied"))).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await ratings.RateAsync(cast.OtherCitizen, approved.Id, new RatingInput("Satisfied"))).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await ratings.RateAsync(cast.OtherStaff, approved.Id, new RatingInput("Satisfied"))).Kind);
            Assert.Equal(OutcomeKind.NotFound, (await ratings.RateAsync(cast.Applicant, 999_999, new RatingInput("Satisfied"))).Kind);

            var bad = await ratings.RateAsync(cast.Applicant, approved.Id, new RatingInput("Delighted", ["fast", "bribes"], new string('长', 501), "Fax"));
            Assert.Equal(OutcomeKind.Invalid, bad.Kind);
            Assert.Equal(["channel", "comment", "grade", "reasons"], bad.Errors!.ToDictionary().Keys.Order(StringComparer.Ordinal));
            Assert.Equal(OutcomeKind.Invalid, (await ratings.RateAsync(cast.Applicant, approved.Id, new RatingInput("3"))).Kind); // a number is no grade
            Assert.Equal(OutcomeKind.Forbidden, (await ratings.RateAsync(cast.Applicant, approved.Id, new RatingInput("Satisfied", Channel: "Hotline"))).Kind);
            Assert.Equal(0, await CountAsync(approved.Id));

            var rated = await ratings.RateAsync(cast.Applicant, approved.Id, new RatingInput("Satisfied", ["fast", "helpful"], "  Quick and clear.  "));
            Assert.True(rated.IsDone, $"{rated.Kind} {rated.Reason}");
            var r = rated.Value!;
            Assert.Equal((cast.Item.Id, cast.Item.Code, cast.Item.UnitId, cast.Approver.PersonId, cast.Applicant.PersonId!.Value, (int?)null),
                (r.ItemId, r.ItemCode, r.UnitId, r.OfficerId, r.RaterId, r.RecordedById));
            Assert.Equal((RatingChannel.Online, RatingGrade.Satisfied, "Quick and clear.", CommentReview.NotReviewed, true), (r.Channel, r.Grade, r.Comment, r.CommentReview, r.RealName));
            Assert.Equal(["fast", "helpful"], r.Reasons);
            Assert.Equal(ChinaClock.Local(r.RatedAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.RatedMonth);
            Assert.Null(r.Rectification); // a good rating is no work

            Assert.Equal(OutcomeKind.Conflict, (await ratings.RateAsync(cast.Applicant, approved.Id, new RatingInput("VerySatisfied"))).Kind);
            Assert.Equal(1, await CountAsync(approved.Id));
            var read = await ratings.GetAsync(cast.Applicant, approved.Id);
            Assert.Equal(r.Id, read.Value!.Id);
            Assert.Equal(OutcomeKind.NotFound, (await ratings.GetAsync(cast.OtherCitizen, approved.Id)).Kind);
            return 0;
        });

        await using var scope = app.Db();
        var rating = await scope.Db.Set<ServiceRating>().AsNoTracking().SingleAsync(x => x.RaterId == cast.Applicant.PersonId);
        var entry = await scope.Db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityType == "service_ratings" && e.EntityId == rating.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("rated", entry.Action);
    }

    [Fact]
    public async Task TheCounterAndTheHotline_RecordTheApplicantsGrade_AndSayWhoRecordedIt()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var ratings = sp.GetRequiredService<ServiceRatings>();
            var delivered = await cast.InStateAsync(applications, ApplicationState.Delivered);
            var rejected = await cast.InStateAsync(applications, ApplicationState.Rejected);

            Assert.Equal(OutcomeKind.Forbidden, (await ratings.RateAsync(cast.Staff, delivered.Id, new RatingInput("Satisfied", Channel: "Online"))).Kind);
            var window = await ratings.RateAsync(cast.Staff, delivered.Id, new RatingInput("VerySatisfied"));
            Assert.Equal((RatingChannel.Window, cast.Staff.PersonId, cast.Applicant.PersonId!.Value), (window.Value!.Channel, window.Value.RecordedById, window.Value.RaterId));

            var hotline = await ratings.RateAsync(cast.Supervisor, rejected.Id, new RatingInput("BasicallySatisfied", RealName: false));
            Assert.Equal((RatingChannel.Hotline, cast.Supervisor.PersonId, false), (hotline.Value!.Channel, hotline.Value.RecordedById, hotline.Value.RealName));
            return 0;
        });
    }

    private async Task<int> CountAsync(int applicationId)
    {
        await using var scope = app.Db();
        return await scope.Db.Set<ServiceRating>().CountAsync(r => r.ApplicationId == applicationId);
    }
}

public sealed class RatingsOnSqlite(SqliteApp app) : RatingsTests(app), IClassFixture<SqliteApp>;

public sealed class RatingsOnPostgreSql(PostgreSqlApp app) : RatingsTests(app), IClassFixture<PostgreSqlApp>;
