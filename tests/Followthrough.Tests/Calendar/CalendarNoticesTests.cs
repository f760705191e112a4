using System.Net;
using Followthrough.Calendar;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Calendar;

public sealed class CalendarNoticesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-10-31T23:59:00+08:00", null)]
    [InlineData("2026-11-01T00:00:00+08:00", 2027)]     // still 31 October in UTC: Beijing time decides
    [InlineData("2026-12-31T12:00:00+08:00", 2027)]
    [InlineData("2026-06-15T12:00:00+08:00", null)]
    [InlineData("2025-11-20T12:00:00+08:00", null)]     // 2026 is loaded
    [InlineData("2027-03-01T12:00:00+08:00", 2027)]     // the current year itself is missing
    public void NextYearWarning_FromFirstNovember_WhenNextYearIsNotLoaded(string now, int? expected)
    {
        var notices = new CalendarNotices(CalendarService.FromSnapshot(CalendarSnapshot.Embedded), new FixedClock(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, notices.NextYearWarning()?.Year);
    }

    [Fact]
    public void NextYearWarning_Disappears_OnceNextYearIsImported()
    {
        var imported = new StoredSchedule("CN", 2027, ScheduleSource.Json, "2027.json", DateTime.UtcNow, "admin", [new ScheduledDay(new DateOnly(2027, 1, 1), true, "元旦")]);
        var snapshot = CalendarSnapshot.Build([imported], revision: 1);
        var notices = new CalendarNotices(CalendarService.FromSnapshot(snapshot), new FixedClock(new DateTimeOffset(2026, 11, 5, 9, 0, 0, Beijing)));
        Assert.Null(notices.NextYearWarning());
    }

    [Fact]
    public void NextYearWarning_IgnoresRegionalSchedules()
    {
        var regional = new StoredSchedule("CN-LN-DL", 2027, ScheduleSource.Csv, null, DateTime.UtcNow, "admin", [new ScheduledDay(new DateOnly(2027, 4, 1), true, "Local")]);
        var notices = new CalendarNotices(CalendarService.FromSnapshot(CalendarSnapshot.Build([regional], 1)), new FixedClock(new DateTimeOffset(2026, 11, 5, 9, 0, 0, Beijing)));
        Assert.Equal(2027, notices.NextYearWarning()?.Year);
    }
}

/// <summary>The administrators' banner in the layout, with the app's clock replaced. Each provider gets its own database, where 2027 is imported.</summary>
public abstract class CalendarBannerTests(AppFixture app)
{
    [Fact]
    public async Task Banner_ForAdministrators_FromNovember_LinksToImport_AndGoesAwayAfterImport()
    {
        await using var november = app.Factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(8))))));
        await using var october = app.Factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.FromHours(8))))));
        var admin = await app.CreateUserAsync(Role.Administrator);
        var leader = await app.CreateUserAsync(Role.Leader);

        var page = await GetAsync(november, admin, "/calendar");
        Assert.Contains("The official holiday schedule for 2027 is not loaded yet", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/calendar/import\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("banner-warning", await GetAsync(november, leader, "/calendar"), StringComparison.Ordinal);
        Assert.DoesNotContain("banner-warning", await GetAsync(october, admin, "/calendar"), StringComparison.Ordinal);

        var client = await ClientAsync(november, admin);
        using var body = new StringContent("2027-01-01,off,元旦\n", System.Text.Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/api/v1/calendar/schedules/import", UriKind.Relative), body)).StatusCode);
        Assert.DoesNotContain("banner-warning", await GetAsync(november, admin, "/calendar"), StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, TestUser user, string url)
    {
        // The calendar page brings the calendar up to date before the layout (which never waits) reads it.
        var client = await ClientAsync(factory, user);
        return await client.GetStringAsync(new Uri(url, UriKind.Relative));
    }

    private async Task<HttpClient> ClientAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, TestUser user)
    {
        var token = await app.WithServicesAsync(sp => sp.GetRequiredService<Followthrough.Accounts.TokenService>().CreateAsync(user.PersonId, "test", null));
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }
}

public sealed class CalendarBannerOnSqlite(SqliteApp app) : CalendarBannerTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarBannerOnPostgreSql(PostgreSqlApp app) : CalendarBannerTests(app), IClassFixture<PostgreSqlApp>;
