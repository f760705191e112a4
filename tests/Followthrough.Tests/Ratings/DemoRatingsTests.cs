using Followthrough.Ratings;
using Followthrough.Ratings.Appeals;
using Followthrough.Ratings.Figures;
using Followthrough.Ratings.Publication;
using Followthrough.Ratings.Rating;
using Followthrough.Ratings.Rectification;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Ratings;

/// <summary>The demo as a new installation gets it: ratings on the decided applications, bad ones in every stage of
/// their rectification, appeals decided both ways and waiting, and the months that are over published.</summary>
public sealed class DemoRatingsTests(DemoServiceHistoryTests.WithHistory app) : IClassFixture<DemoServiceHistoryTests.WithHistory>
{
    [Fact]
    public async Task TheDemo_RatesDecidedApplications_WithBadOnesInEveryStage_AndPublishesTheMonthsThatAreOver()
    {
        var today = ChinaClock.Today(TimeProvider.System);
        var supervisor = new CurrentUser(null, "supervisor", Role.Supervisor, null);
        await using var scope = app.Db();
        var ratings = await scope.Db.Set<ServiceRating>().AsNoTracking().ToListAsync();
        var cases = await scope.Db.Set<RatingRectification>().AsNoTracking().ToListAsync();
        var appeals = await scope.Db.Set<RatingAppeal>().AsNoTracking().ToListAsync();

        Assert.True(ratings.Count > 40, $"{ratings.Count} demo ratings.");
        Assert.All(Enum.GetValues<RatingGrade>(), g => Assert.Contains(ratings, r => r.Grade == g));
        Assert.Equal(ratings.Count(r => RatingGrades.IsBad(r.Grade)), cases.Count); // every bad rating is a case
        Assert.Contains(cases, c => c.State == RectificationState.CalledBack && c.FixGrade is not null);
        Assert.Contains(cases, c => c.State != RectificationState.CalledBack);
        Assert.Equal([AppealOutcome.Pending, AppealOutcome.Upheld, AppealOutcome.Rejected], appeals.Select(a => a.Outcome).Order());

        var months = await app.WithServicesAsync(sp => sp.GetRequiredService<RatingPublications>().MonthsAsync());
        var expected = ratings.Select(r => r.RatedMonth).Distinct().Where(m => string.CompareOrdinal(m, today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)) < 0);
        Assert.Equal(expected.OrderDescending(), months);
        var last = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<RatingFigures>().MonthAsync(supervisor, months[0])).Value!);
        Assert.Equal(ratings.Count(r => r.RatedMonth == months[0]) - appeals.Count(a => a.Outcome == AppealOutcome.Upheld && ratings.Single(r => r.Id == a.RatingId).RatedMonth == months[0]),
            last.Total.Received);
    }
}
