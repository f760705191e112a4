using System.Globalization;
using Followthrough.Evaluation;
using Followthrough.Services.Applications;
using Followthrough.Services.Figures;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// The units' service figures join the evaluation bulletin as a section of their own (through Evaluation's seam): the
/// same counts as the monthly figures for the months the period touches, with the rule in both languages, and nothing
/// for a period with no applications.
/// </summary>
public abstract class ServiceFiguresInBulletinTests(AppFixture app)
{
    [Fact]
    public async Task TheBulletin_ShowsEachUnitsServiceFigures_AsTheMonthlyFiguresCountThem()
    {
        var cast = await ApplicationCast.CreateAsync(app, committed: 3, statutory: 20);
        var month = ChinaClock.Today(TimeProvider.System).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (bulletin, figures, empty) = await app.WithServicesAsync(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            await cast.InStateAsync(applications, ApplicationState.Received);
            await cast.InStateAsync(applications, ApplicationState.Approved);
            await cast.InStateAsync(applications, ApplicationState.Rejected);
            var builder = sp.GetRequiredService<BulletinBuilder>();
            Assert.True(EvaluationPeriod.TryParse(month, out var period, out _));
            Assert.True(EvaluationPeriod.TryParse("2001-01", out var longAgo, out _));
            var monthly = (await sp.GetRequiredService<ServiceFigures>().MonthAsync(cast.Supervisor, month)).Value!;
            return (await builder.BuildAsync(period), monthly.Units.Single(u => u.UnitId == cast.Item.UnitId), await builder.BuildAsync(longAgo));
        });

        var section = Assert.Single(bulletin.Sections, s => s.Key == "services");
        Assert.Equal(section.Columns.Count, section.Rows[0].Values.Count);
        var row = Assert.Single(section.Rows, r => r.UnitId == cast.Item.UnitId);
        Assert.Equal(ApplicationCast.UnitCode, row.UnitCode);
        string Column(string english) => row.Values[section.Columns.ToList().FindIndex(c => c.En == english)];
        Assert.Equal($"{figures.Received}", Column("Received"));
        Assert.Equal($"{figures.Decided}", Column("Decided"));
        Assert.Equal($"{figures.OnTime}", Column("Decided on time"));
        Assert.Equal($"{figures.OnTimePercent:0.0}%", Column("On-time rate"));
        Assert.True(figures.Decided >= 2);
        Assert.DoesNotContain(empty.Sections, s => s.Key == "services");

        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var page = await supervisor.GetPageAsync($"/evaluation/bulletin?period={month}");
        Assert.Contains("Government services (一网通办)", page, StringComparison.Ordinal);
        Assert.Contains("Not part of the ranking.", page, StringComparison.Ordinal);
        var chinese = await SignedInBrowserClient.SignInAsync(app, supervisor.User!, AppFixture.Password, "zh-CN");
        var zh = await chinese.GetPageAsync($"/evaluation/bulletin?period={month}");
        Assert.Contains("按时办结率", zh, StringComparison.Ordinal);
        Assert.Contains("不计入排名", zh, StringComparison.Ordinal);
    }
}

public sealed class ServiceFiguresInBulletinOnSqlite(SqliteApp app) : ServiceFiguresInBulletinTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceFiguresInBulletinOnPostgreSql(PostgreSqlApp app) : ServiceFiguresInBulletinTests(app), IClassFixture<PostgreSqlApp>;
