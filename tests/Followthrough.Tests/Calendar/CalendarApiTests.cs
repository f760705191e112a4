using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Followthrough.Audit;
using Followthrough.Calendar;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Followthrough.Tests.Calendar;

/// <summary>
/// The calendar API end to end. Tests share one database per class, so each national import uses its own far-off
/// year and each regional test its own region code; 2027 is never imported here (it stays provisional).
/// </summary>
public abstract class CalendarApiTests(AppFixture app)
{
    private static readonly string[] TestPapers = ["https://example.gov.cn/test"];
    private static readonly string[] ExpectedDayHistory = ["created", "updated", "deleted"];

    [Fact]
    public async Task IsWorkingDay_Anonymous_AnswersTheMakeUpSunday()
    {
        var answer = await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/is-working-day?date=2025-01-26");
        Assert.True(answer.GetProperty("isWorkingDay").GetBoolean());
        Assert.False(answer.GetProperty("provisional").GetBoolean());
        Assert.Equal("CN", answer.GetProperty("region").GetString());
    }

    [Fact]
    public async Task Describe_AHolidaySaturday_GivesKindAndName()
    {
        var day = await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/days/2025-02-01");
        Assert.Equal("holiday", day.GetProperty("kind").GetString());
        Assert.Equal("春节", day.GetProperty("name").GetString());
        Assert.False(day.GetProperty("isWorkingDay").GetBoolean());
    }

    [Fact]
    public async Task AddWorkingDays_AndBetween_AcrossSpringFestival()
    {
        var client = app.AnonymousClient();
        var added = await GetJsonAsync(client, "/api/v1/calendar/add-working-days?date=2025-01-24&n=7");
        Assert.Equal("2025-02-10", added.GetProperty("date").GetString());
        Assert.False(added.GetProperty("provisional").GetBoolean());

        var between = await GetJsonAsync(client, "/api/v1/calendar/between?from=2025-01-24&to=2025-02-10");
        Assert.Equal(7, between.GetProperty("workingDays").GetInt32());
        var backwards = await GetJsonAsync(client, "/api/v1/calendar/between?from=2025-02-10&to=2025-01-24");
        Assert.Equal(-7, backwards.GetProperty("workingDays").GetInt32());
    }

    [Fact]
    public async Task AddWorkingDays_Into2027_IsProvisional()
    {
        var added = await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/add-working-days?date=2026-12-28&n=5");
        Assert.Equal("2027-01-04", added.GetProperty("date").GetString());
        Assert.True(added.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task Month_October2025_ListsEveryDayWithKindsAndNames()
    {
        var month = await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/months/2025-10");
        var days = month.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(31, days.Count);
        Assert.Equal("2025-09", month.GetProperty("previous").GetString());
        Assert.Equal("2025-11", month.GetProperty("next").GetString());
        Assert.Equal("国庆节、中秋节", days[0].GetProperty("name").GetString());
        Assert.Equal("makeUpWorkday", days[10].GetProperty("kind").GetString()); // Saturday 11 October
        Assert.Equal(days.Count(d => d.GetProperty("isWorkingDay").GetBoolean()), month.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/calendar/is-working-day?date=2025-02-30", "date", "2025-02-30 is not a valid date.")]
    [InlineData("/api/v1/calendar/is-working-day", "date", "A date is required, in the form YYYY-MM-DD.")]
    [InlineData("/api/v1/calendar/days/tomorrow", "date", "\"tomorrow\" is not a date in the form YYYY-MM-DD.")]
    [InlineData("/api/v1/calendar/add-working-days?date=2025-01-01&n=-3", "n", "The number of working days must not be negative.")]
    [InlineData("/api/v1/calendar/add-working-days?date=2025-01-01", "n", "The number of working days is required (0 or more).")]
    [InlineData("/api/v1/calendar/add-working-days?date=2025-01-01&n=ten", "n", "\"ten\" is not a whole number.")]
    [InlineData("/api/v1/calendar/add-working-days?date=2099-12-01&n=100", "n", "The result would be after 2099-12-31, the end of the calendar.")]
    [InlineData("/api/v1/calendar/between?from=2025-01-01", "to", "A date is required, in the form YYYY-MM-DD.")]
    [InlineData("/api/v1/calendar/is-working-day?date=1999-12-31", "date", "The calendar covers 2000-01-01 to 2099-12-31.")]
    [InlineData("/api/v1/calendar/months/2025-13", "month", "\"2025-13\" is not a month in the form YYYY-MM.")]
    [InlineData("/api/v1/calendar/is-working-day?date=2025-01-01&region=Dalian", "region", CalendarRegions.Explanation)]
    public async Task BadInput_Gets400ProblemDetails_WithTheFieldsMessage(string url, string field, string message)
    {
        var response = await app.AnonymousClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Schedules_ListOfficialEmbeddedYears_AndNextYearAsProvisional()
    {
        var page = await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/schedules?pageSize=200");
        var years = page.GetProperty("items").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.True(years[2026].GetProperty("official").GetBoolean());
        Assert.Equal("embedded", years[2026].GetProperty("source").GetString());
        Assert.Equal(HolidayDataset.Instance.DaysInFile[2026], years[2026].GetProperty("days").GetInt32());
        Assert.Equal(HolidayDataset.Instance.DaysInFile[2007], years[2007].GetProperty("days").GetInt32());
        Assert.False(years[2027].GetProperty("official").GetBoolean());
        Assert.Equal(years.Count, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Import_Json_ThenReimport_ReplacesTheYear_AndIsAudited()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var first = await PostAsync(admin, "/api/v1/calendar/schedules/import", Json(2031, ("2031-01-01", true, "元旦"), ("2031-01-20", true, "春节"), ("2031-01-25", false, "春节")), "application/json");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var outcome = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2031, 3, 3, false), (outcome.GetProperty("year").GetInt32(), outcome.GetProperty("days").GetInt32(), outcome.GetProperty("added").GetInt32(), outcome.GetProperty("replaced").GetBoolean()));

        var client = app.AnonymousClient();
        Assert.False((await GetJsonAsync(client, "/api/v1/calendar/is-working-day?date=2031-01-20")).GetProperty("isWorkingDay").GetBoolean());
        Assert.True((await GetJsonAsync(client, "/api/v1/calendar/is-working-day?date=2031-01-25")).GetProperty("isWorkingDay").GetBoolean()); // a Saturday
        Assert.False((await GetJsonAsync(client, "/api/v1/calendar/is-working-day?date=2031-01-20")).GetProperty("provisional").GetBoolean());

        // The same file again changes no day.
        var same = await (await PostAsync(admin, "/api/v1/calendar/schedules/import", Json(2031, ("2031-01-01", true, "元旦"), ("2031-01-20", true, "春节"), ("2031-01-25", false, "春节")), "application/json")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((true, 0, 0, 0), (same.GetProperty("replaced").GetBoolean(), same.GetProperty("added").GetInt32(), same.GetProperty("changed").GetInt32(), same.GetProperty("removed").GetInt32()));

        // A corrected notice replaces the year: 20 January is no longer a holiday, 1 January is renamed, 21 January is added.
        var corrected = await (await PostAsync(admin, "/api/v1/calendar/schedules/import", Json(2031, ("2031-01-01", true, "元旦节"), ("2031-01-21", true, "春节"), ("2031-01-25", false, "春节")), "application/json")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1, 1), (corrected.GetProperty("added").GetInt32(), corrected.GetProperty("changed").GetInt32(), corrected.GetProperty("removed").GetInt32()));
        Assert.True((await GetJsonAsync(client, "/api/v1/calendar/is-working-day?date=2031-01-20")).GetProperty("isWorkingDay").GetBoolean());
        Assert.False((await GetJsonAsync(client, "/api/v1/calendar/is-working-day?date=2031-01-21")).GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal("元旦节", (await GetJsonAsync(client, "/api/v1/calendar/days/2031-01-01")).GetProperty("name").GetString());

        await using var scope = app.Db();
        var schedule = await scope.Db.Set<CalendarSchedule>().SingleAsync(s => s.Region == "CN" && s.Year == 2031);
        Assert.Equal(3, await scope.Db.Set<CalendarDay>().CountAsync(d => d.ScheduleId == schedule.Id));
        Assert.Equal(3, schedule.Version);
        Assert.True(await scope.Db.Set<AuditEntry>().AnyAsync(e => e.EntityType == "calendar_days" && e.Action == "calendar-imported" && e.Comment!.Contains("CN 2031")));
        Assert.True(await scope.Db.Set<AuditEntry>().AnyAsync(e => e.EntityType == "calendar_days" && e.Action == "calendar-imported" && e.BeforeJson!.Contains("2031-01-20")));

        var schedules = await GetJsonAsync(client, "/api/v1/calendar/schedules?pageSize=200");
        var listed = schedules.GetProperty("items").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2031);
        Assert.Equal(("json", true, 3), (listed.GetProperty("source").GetString(), listed.GetProperty("official").GetBoolean(), listed.GetProperty("days").GetInt32()));
        Assert.False(schedules.GetProperty("items").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2030).GetProperty("official").GetBoolean());
    }

    [Fact]
    public async Task Import_ReplacingAnEmbeddedYear_OverridesTheDataset()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        Assert.False((await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/is-working-day?date=2010-01-01")).GetProperty("isWorkingDay").GetBoolean());
        var response = await PostAsync(admin, "/api/v1/calendar/schedules/import?year=2010", "date,kind,name\n2010-03-03,off,Test day\n", "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The imported 2010 replaces the embedded 2010 entirely: New Year's Day is an ordinary Friday now.
        Assert.True((await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/is-working-day?date=2010-01-01")).GetProperty("isWorkingDay").GetBoolean());
        Assert.False((await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/is-working-day?date=2010-03-03")).GetProperty("isWorkingDay").GetBoolean());
        var schedules = await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/schedules?pageSize=200");
        Assert.Equal("csv", schedules.GetProperty("items").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2010).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Import_Multipart_FileUpload_IsRead()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes("2032-10-01,off,国庆节\n2032-09-26,work,国庆节\n"));
        form.Add(file, "file", "2032.csv");
        var response = await admin.PostAsync(new Uri("/api/v1/calendar/schedules/import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("csv", 2032, 2), (outcome.GetProperty("source").GetString(), outcome.GetProperty("year").GetInt32(), outcome.GetProperty("days").GetInt32()));
        Assert.True((await GetJsonAsync(app.AnonymousClient(), "/api/v1/calendar/is-working-day?date=2032-09-26")).GetProperty("isWorkingDay").GetBoolean());
    }

    [Fact]
    public async Task Import_InvalidFile_Gets400WithEveryLine_AndWritesNothing()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var csv = "2033-01-01,off,元旦\n2033-02-30,off,春节\n2033-01-01,work,元旦\n2031-05-01,off\n2033-03-01,maybe\n";
        var response = await PostAsync(admin, "/api/v1/calendar/schedules/import?year=2033", csv, "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("2033-02-30 is not a valid date.", errors.GetProperty("line 2")[0].GetString());
        Assert.Contains("both as a rest day and as a working day", errors.GetProperty("line 3")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("outside the 2033 schedule", errors.GetProperty("line 4")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("must be off (a rest day) or work", errors.GetProperty("line 5")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(4, problem.GetProperty("problems").GetArrayLength());

        var empty = await PostAsync(admin, "/api/v1/calendar/schedules/import", "", "text/csv");
        Assert.Equal("The file is empty.", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());

        var broken = await PostAsync(admin, "/api/v1/calendar/schedules/import", "{ \"year\": 2033, \"days\": [ ", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

        await using var scope = app.Db();
        Assert.False(await scope.Db.Set<CalendarSchedule>().AnyAsync(s => s.Year == 2033));
    }

    [Fact]
    public async Task Import_ByNonAdministrator_Is403_Anonymous_Is401()
    {
        var body = Json(2034, ("2034-01-02", true, "元旦"));
        var supervisor = await app.ApiClientAsync(Role.Supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(supervisor, "/api/v1/calendar/schedules/import", body, "application/json")).StatusCode);
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, "/api/v1/calendar/schedules/import", body, "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.AnonymousClient(), "/api/v1/calendar/schedules/import", body, "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.AnonymousClient(), "/api/v1/calendar/regions/CN-LN-DL/days", "{}", "application/json")).StatusCode);

        await using var scope = app.Db();
        Assert.False(await scope.Db.Set<CalendarSchedule>().AnyAsync(s => s.Year == 2034));
    }

    [Fact]
    public async Task RegionalDays_Crud_ChangeTheRegionsAnswers_NotTheNations()
    {
        var region = UniqueRegion();
        var admin = await app.ApiClientAsync(Role.Administrator);
        var anonymous = app.AnonymousClient();

        // Wednesday 12 March 2025 becomes the city's own rest day.
        var created = await PostAsync(admin, $"/api/v1/calendar/regions/{region}/days", """{ "date": "2025-03-12", "isOffDay": true, "name": "City day" }""", "application/json");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var day = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = day.GetProperty("id").GetInt32();
        Assert.Equal("regionalRestDay", day.GetProperty("kind").GetString());

        var described = await GetJsonAsync(anonymous, $"/api/v1/calendar/days/2025-03-12?region={region.ToLowerInvariant()}");
        Assert.Equal(("regionalRestDay", "City day", false), (described.GetProperty("kind").GetString(), described.GetProperty("name").GetString(), described.GetProperty("isWorkingDay").GetBoolean()));
        Assert.Equal("2025-03-13", (await GetJsonAsync(anonymous, $"/api/v1/calendar/add-working-days?date=2025-03-11&n=1&region={region}")).GetProperty("date").GetString());
        Assert.Equal("2025-03-12", (await GetJsonAsync(anonymous, "/api/v1/calendar/add-working-days?date=2025-03-11&n=1")).GetProperty("date").GetString());
        // A child region inherits its parent's days.
        Assert.False((await GetJsonAsync(anonymous, $"/api/v1/calendar/is-working-day?date=2025-03-12&region={region}-X1")).GetProperty("isWorkingDay").GetBoolean());

        var listed = await GetJsonAsync(anonymous, $"/api/v1/calendar/regions/{region}/days?year=2025");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        var regions = await GetJsonAsync(anonymous, "/api/v1/calendar/regions?pageSize=200");
        Assert.Contains(regions.GetProperty("items").EnumerateArray(), r => r.GetProperty("region").GetString() == region);

        // The same date twice is a conflict; the nation cannot be edited day by day.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(admin, $"/api/v1/calendar/regions/{region}/days", """{ "date": "2025-03-12", "isOffDay": false, "name": "Again" }""", "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, "/api/v1/calendar/regions/CN/days", """{ "date": "2025-03-12", "isOffDay": true, "name": "No" }""", "application/json")).StatusCode);
        var invalid = await PostAsync(admin, $"/api/v1/calendar/regions/{region}/days", """{ "date": "2025-02-29", "name": "" }""", "application/json");
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("date", out _) && errors.TryGetProperty("isOffDay", out _) && errors.TryGetProperty("name", out _));

        // Change it to a working Saturday, with the version.
        var get = await anonymous.GetAsync(new Uri($"/api/v1/calendar/regions/{region}/days/{id}", UriKind.Relative));
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        using (var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/calendar/regions/{region}/days/{id}"))
        {
            update.Content = new StringContent("""{ "date": "2025-03-15", "isOffDay": false, "name": "Make-up" }""", Encoding.UTF8, "application/json");
            update.Headers.IfMatch.ParseAdd("\"1\"");
            var updated = await admin.SendAsync(update);
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        }

        Assert.True((await GetJsonAsync(anonymous, $"/api/v1/calendar/is-working-day?date=2025-03-15&region={region}")).GetProperty("isWorkingDay").GetBoolean());
        Assert.True((await GetJsonAsync(anonymous, $"/api/v1/calendar/is-working-day?date=2025-03-12&region={region}")).GetProperty("isWorkingDay").GetBoolean());

        var stale = await admin.PutAsJsonAsync($"/api/v1/calendar/regions/{region}/days/{id}", new { date = "2025-03-16", isOffDay = false, name = "Late", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt32());

        var supervisor = await app.ApiClientAsync(Role.Supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.DeleteAsync(new Uri($"/api/v1/calendar/regions/{region}/days/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri($"/api/v1/calendar/regions/CN-ELSEWHERE/days/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/calendar/regions/{region}/days/{id}", UriKind.Relative))).StatusCode);
        Assert.False((await GetJsonAsync(anonymous, $"/api/v1/calendar/is-working-day?date=2025-03-15&region={region}")).GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/calendar/regions/{region}/days/{id}", UriKind.Relative))).StatusCode);

        await using var scope = app.Db();
        var history = await scope.Db.Set<AuditEntry>().Where(e => e.EntityType == "calendar_days" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync();
        Assert.Equal(ExpectedDayHistory, history);
    }

    [Fact]
    public async Task Import_ForARegion_AddsItsDays()
    {
        var region = UniqueRegion();
        var admin = await app.ApiClientAsync(Role.Administrator);
        var response = await PostAsync(admin, $"/api/v1/calendar/schedules/import?region={region}", "2026-06-10,off,Regional festival\n2026-06-13,work,Regional festival\n", "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(region, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("region").GetString());
        var anonymous = app.AnonymousClient();
        // Sunday 7 to Friday 12 June 2026: five working days for the nation, four in the region (Wednesday off) ...
        Assert.Equal(5, (await GetJsonAsync(anonymous, "/api/v1/calendar/between?from=2026-06-07&to=2026-06-12")).GetProperty("workingDays").GetInt32());
        Assert.Equal(4, (await GetJsonAsync(anonymous, $"/api/v1/calendar/between?from=2026-06-07&to=2026-06-12&region={region}")).GetProperty("workingDays").GetInt32());
        // ... and to Saturday 13 June five again, because the region works that Saturday.
        Assert.Equal(5, (await GetJsonAsync(anonymous, $"/api/v1/calendar/between?from=2026-06-07&to=2026-06-13&region={region}")).GetProperty("workingDays").GetInt32());
        var schedules = await GetJsonAsync(anonymous, $"/api/v1/calendar/schedules?region={region}");
        var only = Assert.Single(schedules.GetProperty("items").EnumerateArray());
        Assert.Equal((2026, 2, "csv"), (only.GetProperty("year").GetInt32(), only.GetProperty("days").GetInt32(), only.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task AnotherInstance_PicksUpAnImport_WhenItsRecheckIsDue()
    {
        // A second CalendarService over the same database plays a second web instance.
        var other = await app.WithServicesAsync(sp => Task.FromResult(new CalendarService(
            sp.GetRequiredService<IServiceScopeFactory>(), NullLogger<CalendarService>.Instance) { RecheckAfter = TimeSpan.FromHours(1) }));
        var due = await app.WithServicesAsync(sp => Task.FromResult(new CalendarService(
            sp.GetRequiredService<IServiceScopeFactory>(), NullLogger<CalendarService>.Instance) { RecheckAfter = TimeSpan.Zero }));
        var date = new DateOnly(2035, 3, 5);
        Assert.True((await other.GetAsync()).IsWorkingDay(date));
        Assert.True((await due.GetAsync()).IsWorkingDay(date));

        var admin = await app.ApiClientAsync(Role.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "/api/v1/calendar/schedules/import", "2035-03-05,off,Test\n", "text/csv")).StatusCode);

        Assert.False((await due.GetAsync()).IsWorkingDay(date));
        Assert.True((await other.GetAsync()).IsWorkingDay(date)); // not yet due: the cached tables answer
        other.Changed();
        Assert.False((await other.GetAsync()).IsWorkingDay(date));
        other.Dispose();
        due.Dispose();
    }

    private static string UniqueRegion() => $"CN-T{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    private static string Json(int year, params (string Date, bool Off, string Name)[] days) =>
        JsonSerializer.Serialize(new
        {
            year,
            papers = TestPapers,
            days = days.Select(d => new { name = d.Name, date = d.Date, isOffDay = d.Off }),
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class CalendarApiOnSqlite(SqliteApp app) : CalendarApiTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarApiOnPostgreSql(PostgreSqlApp app) : CalendarApiTests(app), IClassFixture<PostgreSqlApp>;
