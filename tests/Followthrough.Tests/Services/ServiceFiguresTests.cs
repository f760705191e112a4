using System.Globalization;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Figures;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// The monthly service figures, kept by triggers on both databases as applications are filed and decided, against the
/// applications themselves; the month's check and who may read them.
/// </summary>
public abstract class ServiceFiguresTests(AppFixture app)
{
    [Fact]
    public async Task TheMonth_CountsWhatWasFiledAndDecided_PerUnitAndInTotal_AsTheApplicationsSay()
    {
        var cast = await ApplicationCast.CreateAsync(app, committed: 3, statutory: 20);
        var month = ChinaClock.Today(TimeProvider.System).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (before, after, decisions) = await app.WithServicesAsync(async sp =>
        {
            var figures = sp.GetRequiredService<ServiceFigures>();
            var before = (await figures.MonthAsync(cast.Supervisor, month)).Value!;
            var applications = sp.GetRequiredService<ServiceApplications>();
            await cast.InStateAsync(applications, ApplicationState.Received);
            await cast.InStateAsync(applications, ApplicationState.Accepted);
            var approved = await cast.InStateAsync(applications, ApplicationState.Approved);
            var rejected = await cast.InStateAsync(applications, ApplicationState.Rejected);
            var window = await applications.FileAsync(cast.Staff, new ApplicationInput(cast.Item.Id,
                new Dictionary<string, string?> { ["companyName"] = "大连海湾餐饮有限公司" }, cast.Applicant.PersonId));
            Assert.True(window.IsDone);
            var after = (await figures.MonthAsync(cast.Supervisor, month)).Value!;
            return (before, after, new[] { approved, rejected });
        });

        UnitServiceFigures Of(ServiceMonth m) => m.Units.SingleOrDefault(u => u.UnitId == cast.Item.UnitId)
            ?? new UnitServiceFigures(cast.Item.UnitId, "", "", "", new ItemsByLevel(0, 0, 0, 0), 0, 0, 0, 0, 0, 0, null, null, null);
        var (was, now) = (Of(before), Of(after));
        Assert.Equal(5, now.Received - was.Received);
        Assert.Equal(1, now.Visits - was.Visits); // the one recorded at the window
        Assert.Equal(2, now.Decided - was.Decided);
        Assert.Equal(1, now.Approved - was.Approved);
        Assert.Equal(2, now.OnTime - was.OnTime); // decided on the day of acceptance: well within 3 working days
        Assert.Equal(0, now.AutoDecided - was.AutoDecided);
        Assert.All(decisions, d => Assert.True(d.DecidedAt is not null));
        Assert.True(now.Items.Total >= 1);
        Assert.Equal(after.Units.Sum(u => u.Received), after.Total.Received);
        Assert.Equal(after.Units.Sum(u => u.Decided), after.Total.Decided);
        Assert.Equal(after.Units.Sum(u => u.Items.Total), after.Total.Items.Total);

        // the unit's first decisions in this fixture: the averages are theirs alone (decided on the day of acceptance)
        Assert.Equal(0, was.Decided);
        Assert.Equal((0.0, 3.0, 20.0), (now.AverageDaysUsed, now.AverageCommittedDays, now.AverageStatutoryDays));
    }

    [Fact]
    public async Task TheFigures_AgreeWithTheApplicationsThemselves_ForEveryUnit_IncludingThoseTheRulesDecided()
    {
        var supervisor = await ApplicationCast.UserAsync(app, Role.Supervisor, null);
        var month = ChinaClock.Today(TimeProvider.System).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var figures = (await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceFigures>().MonthAsync(supervisor, month))).Value!;
        await using var scope = app.Db();
        var all = await scope.Db.Set<ServiceApplication>().AsNoTracking().ToListAsync();
        static string MonthOf(DateTime utc) => ChinaClock.Local(utc).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var decided = all.Where(a => a.DecidedAt is { } d && MonthOf(d) == month).ToList();
        Assert.Contains(decided, a => a.AutoDecided); // the demo's 秒批 decisions (enterprise investment project filing)
        foreach (var unit in all.Select(a => a.UnitId).Distinct())
        {
            var row = figures.Units.Single(u => u.UnitId == unit);
            var mine = decided.Where(a => a.UnitId == unit).ToList();
            Assert.Equal(all.Count(a => a.UnitId == unit && MonthOf(a.ReceivedAt) == month), row.Received);
            Assert.Equal((mine.Count, mine.Count(a => a.AutoDecided)), (row.Decided, row.AutoDecided));
            Assert.Equal(mine.Count(a => a.CommittedDue is { } due && DateOnly.FromDateTime(ChinaClock.Local(a.DecidedAt!.Value)) <= due), row.OnTime);
        }
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("November")]
    [InlineData("")]
    public async Task AMonthThatIsNotAMonth_IsAFieldError(string month)
    {
        var supervisor = await ApplicationCast.UserAsync(app, Role.Supervisor, null);
        var outcome = await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceFigures>().MonthAsync(supervisor, month));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("YYYY-MM", outcome.Errors!.ToDictionary()["month"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Citizen, false)]
    [InlineData(Role.Enterprise, false)]
    [InlineData(Role.UnitStaff, true)]
    [InlineData(Role.Leader, true)]
    [InlineData(Role.Supervisor, true)]
    public async Task TheFigures_AreReadByTheGovernmentsStaff(Role role, bool allowed)
    {
        var user = await ApplicationCast.UserAsync(app, role, role == Role.UnitStaff ? ApplicationCast.UnitCode : null);
        var outcome = await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceFigures>().MonthAsync(user, "2026-11"));
        Assert.Equal(allowed ? OutcomeKind.Done : OutcomeKind.Forbidden, outcome.Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceFigures>().MonthAsync(CurrentUser.Anonymous, "2026-11"))).Kind);
    }
}

public sealed class ServiceFiguresOnSqlite(SqliteApp app) : ServiceFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceFiguresOnPostgreSql(PostgreSqlApp app) : ServiceFiguresTests(app), IClassFixture<PostgreSqlApp>;
