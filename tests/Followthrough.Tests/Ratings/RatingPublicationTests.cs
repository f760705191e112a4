using System.Net;
using System.Net.Http.Json;
using Followthrough.Ratings;
using Followthrough.Ratings.Appeals;
using Followthrough.Ratings.Publication;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Ratings.RatedMonthSamples;

namespace Followthrough.Tests.Ratings;

/// <summary>The monthly publication (公示): the office publishes a month that is over, once; the public reads it as
/// published, without names or comments, even after the figures change.</summary>
public abstract class RatingPublicationTests(AppFixture app)
{
    [Fact]
    public async Task APublishedMonth_IsShownToAnyone_AsPublished_AndIsNeverPublishedAgain()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var rated = new DateTime(2024, 5, 20, 3, 0, 0, DateTimeKind.Utc);
        await RateAsync(app, cast, RatingGrade.Satisfied, rated);
        var bad = await RateAsync(app, cast, RatingGrade.VeryDissatisfied, rated);

        Assert.Equal(OutcomeKind.Forbidden, (await Publish(cast.Staff, "2024-05")).Kind);
        var published = await Publish(cast.Supervisor, "2024-05");
        Assert.True(published.IsDone, published.Reason);
        Assert.Equal((2, 1), (published.Value!.Figures.Total.Received, published.Value.Figures.Total.Bad));
        Assert.Equal(OutcomeKind.Conflict, (await Publish(cast.Supervisor, "2024-05")).Kind);

        // an appeal upheld afterwards changes the live figures, not the publication
        await using (var scope = app.Db())
        {
            scope.Db.Add(new RatingAppeal
            {
                RatingId = bad, UnitId = cast.Item.UnitId, Reason = "Wrong office.", Evidence = "Record.", FiledAt = rated,
                FiledById = cast.Staff.PersonId!.Value, Outcome = AppealOutcome.Upheld, DecidedAt = rated, DecisionReason = "Shown.",
            });
            await scope.Db.SaveChangesAsync();
        }

        var anonymous = app.AnonymousClient();
        var shown = await anonymous.GetFromJsonAsync<PublishedRatings>("/api/v1/public/ratings/2024-05");
        Assert.Equal((2, 1, published.Value.Sha256), (shown!.Figures.Total.Received, shown.Figures.Total.Bad, shown.Sha256));
        Assert.Contains("2024-05", (await anonymous.GetFromJsonAsync<string[]>("/api/v1/public/ratings"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/public/ratings/2031-01")).StatusCode);

        var page = await anonymous.GetStringAsync("/public/ratings?month=2024-05");
        Assert.Contains(cast.Item.Code, page, StringComparison.Ordinal);
        Assert.Contains(published.Value.Sha256, page, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.Applicant.Name, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMonthNotOver_OrNotAMonth_IsNotPublished()
    {
        var office = new CurrentUser(null, "office", Role.Supervisor, null);
        var thisMonth = ChinaClock.Local(DateTime.UtcNow).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var notOver = await Publish(office, thisMonth);
        Assert.Equal(OutcomeKind.Conflict, notOver.Kind);
        Assert.Contains("is not over yet", notOver.Reason, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Invalid, (await Publish(office, "13/2024")).Kind);
        Assert.Null(await app.WithServicesAsync(sp => sp.GetRequiredService<RatingPublications>().GetAsync(thisMonth)));
    }

    [Fact]
    public async Task TheApi_AnswersWithProblemDetails()
    {
        var staff = await app.ApiClientAsync(Role.UnitStaff, ApplicationCast.UnitCode);
        var forbidden = await staff.PostAsync("/api/v1/ratings/publications/2024-01", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        var office = await app.ApiClientAsync(Role.Supervisor);
        var invalid = await office.PostAsync("/api/v1/ratings/publications/January", null);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/ratings/figures?month=2024-01")).StatusCode);
    }

    private Task<Outcome<PublishedRatings>> Publish(CurrentUser me, string month) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<RatingPublications>().PublishAsync(me, month));
}

public sealed class RatingPublicationOnSqlite(SqliteApp app) : RatingPublicationTests(app), IClassFixture<SqliteApp>;

public sealed class RatingPublicationOnPostgreSql(PostgreSqlApp app) : RatingPublicationTests(app), IClassFixture<PostgreSqlApp>;
