using Followthrough.Evaluation;
using Followthrough.Ratings;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Ratings.RatedMonthSamples;

namespace Followthrough.Tests.Ratings;

/// <summary>The units' ratings figures join the evaluation bulletin as a section of their own, through Evaluation's seam.</summary>
public abstract class RatingFiguresInBulletinTests(AppFixture app)
{
    [Fact]
    public async Task TheBulletin_ShowsEachUnitsRatings_ForTheMonthsOfThePeriod_AndNothingForAnEmptyOne()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var rated = new DateTime(2023, 4, 10, 2, 0, 0, DateTimeKind.Utc);
        await RateAsync(app, cast, RatingGrade.VerySatisfied, rated);
        await RateAsync(app, cast, RatingGrade.BasicallySatisfied, rated);
        await RateAsync(app, cast, RatingGrade.Dissatisfied, rated.AddMonths(1));
        var (quarter, empty) = await app.WithServicesAsync(async sp =>
        {
            var builder = sp.GetRequiredService<BulletinBuilder>();
            Assert.True(EvaluationPeriod.TryParse("2023-Q2", out var q2, out _));
            Assert.True(EvaluationPeriod.TryParse("2001-01", out var longAgo, out _));
            return (await builder.BuildAsync(q2), await builder.BuildAsync(longAgo));
        });

        var section = Assert.Single(quarter.Sections, s => s.Key == "ratings");
        var row = Assert.Single(section.Rows, r => r.UnitId == cast.Item.UnitId);
        string Column(string english) => row.Values[section.Columns.ToList().FindIndex(c => c.En == english)];
        Assert.Equal("3", Column("Ratings"));
        Assert.Equal("66.7%", Column("Satisfaction rate"));
        Assert.Equal("1", Column("Bad ratings"));
        Assert.Contains("upheld appeal", section.Rule.En, StringComparison.Ordinal);
        Assert.DoesNotContain(empty.Sections, s => s.Key == "ratings");
    }
}

public sealed class RatingFiguresInBulletinOnSqlite(SqliteApp app) : RatingFiguresInBulletinTests(app), IClassFixture<SqliteApp>;

public sealed class RatingFiguresInBulletinOnPostgreSql(PostgreSqlApp app) : RatingFiguresInBulletinTests(app), IClassFixture<PostgreSqlApp>;
