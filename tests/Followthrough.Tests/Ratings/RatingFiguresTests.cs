using Followthrough.Ratings;
using Followthrough.Ratings.Appeals;
using Followthrough.Ratings.Figures;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Ratings.RatedMonthSamples;

namespace Followthrough.Tests.Ratings;

/// <summary>
/// The monthly ratings figures on a fixture checked by hand: September 2024, ten ratings, one taken out by an upheld
/// appeal, bad ratings rectified on time, late (after midnight in China on the due day, across National Day) and not
/// at all; on both databases.
/// </summary>
public abstract class RatingFiguresTests(AppFixture app)
{
    private static readonly CurrentUser Office = new(null, "office", Role.Supervisor, null);

    /// <summary>Rated on Friday 27 September 2024: five working days are 29 September (a make-up Sunday), 30 September,
    /// then, after the National Day holiday (1–7 October), 8, 9 and 10 October — due on 10 October.</summary>
    private static readonly DateOnly Due = new(2024, 10, 10);

    [Fact]
    public async Task September2024_IsCountedAsCheckedByHand_AndTheSameTwice()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var rated = new DateTime(2024, 9, 27, 2, 0, 0, DateTimeKind.Utc); // 10:00 in China
        foreach (var grade in new[] { RatingGrade.VerySatisfied, RatingGrade.VerySatisfied, RatingGrade.VerySatisfied, RatingGrade.Satisfied,
                     RatingGrade.Satisfied, RatingGrade.BasicallySatisfied })
        {
            await RateAsync(app, cast, grade, rated);
        }

        var onTime = await RateAsync(app, cast, RatingGrade.Dissatisfied, rated);
        var late = await RateAsync(app, cast, RatingGrade.Dissatisfied, rated);
        var open = await RateAsync(app, cast, RatingGrade.VeryDissatisfied, rated);
        var appealed = await RateAsync(app, cast, RatingGrade.Dissatisfied, rated);
        var unit = cast.Item.UnitId;
        await CaseAsync(app, onTime, unit, Due, new DateTime(2024, 10, 10, 15, 59, 0, DateTimeKind.Utc), new DateTime(2024, 10, 11, 2, 0, 0, DateTimeKind.Utc)); // 23:59 in China on the due day
        await CaseAsync(app, late, unit, Due, new DateTime(2024, 10, 10, 16, 1, 0, DateTimeKind.Utc), new DateTime(2024, 10, 12, 2, 0, 0, DateTimeKind.Utc)); // 00:01 on 11 October in China
        await CaseAsync(app, open, unit, Due, null, null);
        await CaseAsync(app, appealed, unit, Due, new DateTime(2024, 10, 8, 2, 0, 0, DateTimeKind.Utc), new DateTime(2024, 10, 9, 2, 0, 0, DateTimeKind.Utc));
        await using (var scope = app.Db())
        {
            scope.Db.Add(new RatingAppeal
            {
                RatingId = appealed, UnitId = unit, Reason = "Rated the wrong office.", Evidence = "Call recording 17.", FiledAt = rated,
                FiledById = cast.Staff.PersonId!.Value, Outcome = AppealOutcome.Upheld, DecidedAt = rated, DecisionReason = "The recording shows it.",
            });
            await scope.Db.SaveChangesAsync();
        }

        var first = await MonthAsync("2024-09", unit);
        var again = await MonthAsync("2024-09", unit);
        var row = Assert.Single(first.Units);
        Assert.Equal(unit, row.UnitId);
        Assert.Equal(9, row.Received); // ten given, one taken out by the upheld appeal
        Assert.Equal((3, 2, 1, 2, 1), (row.VerySatisfied, row.Satisfied, row.BasicallySatisfied, row.Dissatisfied, row.VeryDissatisfied));
        Assert.Equal(66.7, row.SatisfactionPercent); // 6 of 9
        Assert.Equal([33.3, 22.2, 11.1, 22.2, 11.1], row.GradeShares);
        Assert.Equal(3, row.Bad);
        Assert.Equal((2, 1, 2, 1), (row.Rectified, row.RectifiedOnTime, row.CalledBack, row.AppealsUpheld));
        var item = Assert.Single(first.Items);
        Assert.Equal((cast.Item.Code, 9), (item.ItemCode, item.Received));
        Assert.Equal(row with { ItemId = null }, first.Total with { UnitId = unit, UnitCode = row.UnitCode, UnitNameZh = row.UnitNameZh, UnitNameEn = row.UnitNameEn });
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first), System.Text.Json.JsonSerializer.Serialize(again));
    }

    [Fact]
    public async Task AMonthWithoutRatings_HasNoRows_AndNoRates()
    {
        var month = await MonthAsync("2019-02", null);
        Assert.Empty(month.Units);
        Assert.Equal(0, month.Total.Received);
        Assert.Null(month.Total.SatisfactionPercent);
    }

    [Theory]
    [InlineData(Role.Citizen, false)]
    [InlineData(Role.Enterprise, false)]
    [InlineData(Role.UnitStaff, true)]
    [InlineData(Role.Leader, true)]
    [InlineData(Role.Supervisor, true)]
    public async Task TheFigures_AreReadByTheGovernmentsStaff_AndAMonthIsChecked(Role role, bool allowed)
    {
        var user = await ApplicationCast.UserAsync(app, role, role == Role.UnitStaff ? ApplicationCast.UnitCode : null);
        var outcome = await app.WithServicesAsync(sp => sp.GetRequiredService<RatingFigures>().MonthAsync(user, "2026-11"));
        Assert.Equal(allowed ? OutcomeKind.Done : OutcomeKind.Forbidden, outcome.Kind);
        var bad = await app.WithServicesAsync(sp => sp.GetRequiredService<RatingFigures>().MonthAsync(Office, "November"));
        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.Contains("YYYY-MM", bad.Errors!.ToDictionary()["month"][0], StringComparison.Ordinal);
    }

    private Task<RatingMonth> MonthAsync(string month, int? unit) =>
        app.WithServicesAsync(async sp => (await sp.GetRequiredService<RatingFigures>().MonthAsync(Office, month, unit)).Value!);
}

public sealed class RatingFiguresOnSqlite(SqliteApp app) : RatingFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class RatingFiguresOnPostgreSql(PostgreSqlApp app) : RatingFiguresTests(app), IClassFixture<PostgreSqlApp>;
