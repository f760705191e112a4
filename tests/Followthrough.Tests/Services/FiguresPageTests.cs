using System.Net;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Services;

/// <summary>The monthly figures page: the government's staff read it in both languages; a month that is not one is
/// explained; enterprises and citizens are refused.</summary>
public abstract class FiguresPageTests(AppFixture app)
{
    [Fact]
    public async Task TheSupervisionOffice_ReadsTheMonth_InBothLanguages_AndAnApplicantIsRefused()
    {
        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor);
        var page = await supervisor.GetPageAsync("/services/figures?month=2026-11");
        Assert.Contains("Service figures for 2026-11, per unit", page, StringComparison.Ordinal);
        Assert.Contains("All units", page, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Received\"", page, StringComparison.Ordinal);

        var bad = await supervisor.GetPageAsync("/services/figures?month=2026-13");
        Assert.Contains("Write the month as YYYY-MM", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("per unit", bad, StringComparison.Ordinal);

        var chinese = await SignedInBrowserClient.SignInAsync(app, supervisor.User!, AppFixture.Password, acceptLanguage: "zh-CN");
        var zh = await chinese.GetPageAsync("/services/figures?month=2026-11");
        Assert.Contains("2026-11 各单位办件统计", zh, StringComparison.Ordinal);
        Assert.Contains("按时办结", zh, StringComparison.Ordinal);

        var citizen = await SignedInBrowserClient.CreateAsync(app, Role.Citizen);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/services/figures")).StatusCode);
    }
}

public sealed class FiguresPageOnSqlite(SqliteApp app) : FiguresPageTests(app), IClassFixture<SqliteApp>;
