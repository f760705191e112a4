using Followthrough.Ratings;
using Followthrough.Ratings.Appeals;
using Followthrough.Ratings.Figures;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Ratings.RatedMonthSamples;

namespace Followthrough.Tests.Ratings;

/// <summary>Appeals (申诉): who files and decides, the window, once each, and what an upheld appeal does to the figures.</summary>
public abstract class RatingAppealsTests(AppFixture app)
{
    private static readonly AppealInput Good = new("The applicant rated the wrong office: the complaint is about parking.", "Hotline record 2026-12-01, 10:14.");

    [Fact]
    public async Task TheUnitAppeals_Once_AndTheOfficeUpholds_Once_TakingTheRatingOutOfTheFigures_ButNotOutOfTheRecord()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var supervisor = cast.Supervisor;
        var ratingId = await RateAsync(app, cast, RatingGrade.VeryDissatisfied, DateTime.UtcNow);
        var month = ChinaClock.Local(DateTime.UtcNow).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var before = await UnitRowAsync(month, cast.Item.UnitId, supervisor);

        var filed = await Appeals(a => a.FileAsync(cast.Clerk, ratingId, Good));
        Assert.True(filed.IsDone, filed.Reason);
        Assert.Equal(AppealOutcome.Pending, filed.Value!.Outcome);
        Assert.Equal(OutcomeKind.Conflict, (await Appeals(a => a.FileAsync(cast.Staff, ratingId, Good))).Kind);
        Assert.Contains(filed.Value.Id, (await Appeals(a => a.PendingAsync(supervisor))).Value!.Select(p => p.Id));

        Assert.Equal(OutcomeKind.Forbidden, (await Appeals(a => a.DecideAsync(cast.Staff, filed.Value.Id, new AppealDecisionInput(true, "mine"), filed.Value.Version))).Kind);
        var missing = await Appeals(a => a.DecideAsync(supervisor, filed.Value.Id, new AppealDecisionInput(null, " "), filed.Value.Version));
        Assert.Equal(["reason", "upheld"], missing.Errors!.ToDictionary().Keys.Order());
        Assert.Equal(OutcomeKind.Stale, (await Appeals(a => a.DecideAsync(supervisor, filed.Value.Id, new AppealDecisionInput(true, "shown"), filed.Value.Version + 1))).Kind);

        var upheld = await Appeals(a => a.DecideAsync(supervisor, filed.Value.Id, new AppealDecisionInput(true, "The record shows the complaint concerns parking."), filed.Value.Version));
        Assert.Equal(AppealOutcome.Upheld, upheld.Value!.Outcome);
        var twice = await Appeals(a => a.DecideAsync(supervisor, filed.Value.Id, new AppealDecisionInput(false, "changed my mind"), upheld.Value.Version));
        Assert.Equal(OutcomeKind.Conflict, twice.Kind);

        var after = await UnitRowAsync(month, cast.Item.UnitId, supervisor);
        Assert.Equal(before.Received - 1, after.Received);
        Assert.Equal(before.VeryDissatisfied - 1, after.VeryDissatisfied);
        Assert.Equal(before.AppealsUpheld + 1, after.AppealsUpheld);
        await using var scope = app.Db();
        Assert.True(await scope.Db.Set<Followthrough.Ratings.Rating.ServiceRating>().AnyAsync(r => r.Id == ratingId));
    }

    [Fact]
    public async Task OnlyTheRatedUnitsStaffAppeal_OthersDoNotSeeTheRating_AndTheTextIsRequired()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var ratingId = await RateAsync(app, cast, RatingGrade.Dissatisfied, DateTime.UtcNow);
        Assert.Equal(OutcomeKind.NotFound, (await Appeals(a => a.FileAsync(cast.OtherStaff, ratingId, Good))).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await Appeals(a => a.FileAsync(cast.Applicant, ratingId, Good))).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await Appeals(a => a.FileAsync(cast.Supervisor, ratingId, Good))).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await Appeals(a => a.FileAsync(cast.Staff, 999_999, Good))).Kind);
        var empty = await Appeals(a => a.FileAsync(cast.Staff, ratingId, new AppealInput("", null)));
        Assert.Equal(["evidence", "reason"], empty.Errors!.ToDictionary().Keys.Order());
        Assert.Null(await app.WithServicesAsync(sp => sp.GetRequiredService<RatingAppeals>().OfRatingAsync(ratingId)));
    }

    [Fact]
    public async Task AnAppealAfterTheWindow_IsRefused_NamingTheLastDay()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var ratingId = await RateAsync(app, cast, RatingGrade.Dissatisfied, DateTime.UtcNow.AddDays(-40));
        var refused = await Appeals(a => a.FileAsync(cast.Staff, ratingId, Good));
        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Contains("The appeal window closed on", refused.Reason, StringComparison.Ordinal);
    }

    private Task<Outcome<T>> Appeals<T>(Func<RatingAppeals, Task<Outcome<T>>> act) =>
        app.WithServicesAsync(sp => act(sp.GetRequiredService<RatingAppeals>()));

    private async Task<RatingFigureRow> UnitRowAsync(string month, int unit, CurrentUser me) =>
        (await app.WithServicesAsync(sp => sp.GetRequiredService<RatingFigures>().MonthAsync(me, month, unit))).Value!.Units.Single();
}

public sealed class RatingAppealsOnSqlite(SqliteApp app) : RatingAppealsTests(app), IClassFixture<SqliteApp>;

public sealed class RatingAppealsOnPostgreSql(PostgreSqlApp app) : RatingAppealsTests(app), IClassFixture<PostgreSqlApp>;
