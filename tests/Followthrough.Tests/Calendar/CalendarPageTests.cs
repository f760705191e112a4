using System.Net;
using System.Text.RegularExpressions;
using Followthrough.Calendar;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Calendar;

/// <summary>The calendar pages over HTTP: the public month view and deadline form, and the administrators' pages.</summary>
public abstract partial class CalendarPageTests(AppFixture app)
{
    [Fact]
    public async Task MonthView_October2025_ShowsAGridWithHolidaysMakeUpDaysLegendAndMonthLinks()
    {
        var html = await app.AnonymousClient().GetStringAsync(new Uri("/calendar?month=2025-10", UriKind.Relative));
        Assert.Contains("<table class=\"month\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\"><abbr title=\"Monday\">Mon</abbr></th>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/calendar?month=2025-09\" rel=\"prev\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/calendar?month=2025-11\" rel=\"next\"", html, StringComparison.Ordinal);
        // 1 October: a holiday with its name; 11 October: a make-up Saturday; both labelled in text, not only shaded.
        Assert.Matches(Cell("off", "2025-10-01", "Holiday", "国庆节、中秋节"), html);
        Assert.Matches(Cell("makeup", "2025-10-11", "Make-up working day", "国庆节、中秋节"), html);
        Assert.Matches(CellWithoutName("weekend", "2025-10-18", "Weekend"), html);
        Assert.Contains("class=\"legend\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("provisional-note", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthView_January2027_IsMarkedProvisional()
    {
        var html = await app.AnonymousClient().GetStringAsync(new Uri("/calendar?month=2027-01", UriKind.Relative));
        Assert.Contains("id=\"provisional-note\"", html, StringComparison.Ordinal);
        Assert.Matches(CellWithoutName("workday", "2027-01-01", null), html); // no New Year holiday without a schedule
    }

    [Fact]
    public async Task MonthView_InChinese_UsesTheTranslations()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var html = await client.GetStringAsync(new Uri("/calendar?month=2025-02", UriKind.Relative));
        Assert.Contains("<h1>工作日历</h1>", html, StringComparison.Ordinal);
        Assert.Contains("调休上班", html, StringComparison.Ordinal);
        Assert.Contains("2025年2月", html, StringComparison.Ordinal);
        Assert.Contains("计算期限", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineForm_GivesTheDate_AndMarksProvisionalResults()
    {
        var client = app.AnonymousClient();
        var html = await client.GetStringAsync(new Uri("/calendar?start=2025-01-24&days=7", UriKind.Relative));
        Assert.Contains("<time datetime=\"2025-02-10\">2025-02-10</time>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tag-provisional", ResultOf(html), StringComparison.Ordinal);

        var provisional = await client.GetStringAsync(new Uri("/calendar?start=2026-12-28&days=5", UriKind.Relative));
        Assert.Contains("<time datetime=\"2027-01-04\">2027-01-04</time>", provisional, StringComparison.Ordinal);
        Assert.Contains("tag-provisional", ResultOf(provisional), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineForm_BadInput_ShowsFieldErrorsAndASummary_Not500()
    {
        var response = await app.AnonymousClient().GetAsync(new Uri("/calendar?start=2025-02-30&days=-2&month=2025-13", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\" id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" id=\"start-error\">2025-02-30 is not a valid date.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" id=\"days-error\">The number of working days must not be negative.</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"month-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deadline-result\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_Anonymous_IsSentToSignIn_OtherRoles_AreRefused()
    {
        var anonymous = await app.AnonymousClient().GetAsync(new Uri("/calendar/import", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/sign-in", anonymous.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var supervisor = await app.ApiClientAsync(Role.Supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync(new Uri("/calendar/import", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync(new Uri("/calendar/regions", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ImportPage_ListsEveryProblem_ThenImportsAValidFile()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var page = await admin.GetStringAsync(new Uri("/calendar/import", UriKind.Relative));
        Assert.Contains("<th scope=\"row\">2026</th>", page, StringComparison.Ordinal);
        var token = Token(page);

        var bad = await PostFormAsync(admin, "/calendar/import", token, ("Pasted", "2036-01-01,off,New Year\n2036-02-30,off\n2036-01-01,work\n"), ("Year", "2036"));
        Assert.Contains("id=\"import-problems\"", bad, StringComparison.Ordinal);
        Assert.Contains("Line 2: 2036-02-30 is not a valid date.", bad, StringComparison.Ordinal);
        Assert.Contains("Line 3: 2036-01-01 is listed both as a rest day and as a working day (line 1 and line 3).", bad, StringComparison.Ordinal);

        var good = await PostFormAsync(admin, "/calendar/import", token, ("Pasted", "2036-01-01,off,New Year\n2036-01-02,off,New Year\n"), ("Year", "2036"));
        Assert.Contains("id=\"import-result\"", good, StringComparison.Ordinal);
        Assert.Contains("Imported the 2036 schedule for CN: 2 days (2 added, 0 changed, 0 removed).", good, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2036</th>", good, StringComparison.Ordinal);
        await using var scope = app.Db();
        Assert.True(await scope.Db.Set<CalendarSchedule>().AnyAsync(s => s.Region == "CN" && s.Year == 2036));
    }

    [Fact]
    public async Task ImportPage_InChinese_TranslatesTheProblems()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var token = Token(await admin.GetStringAsync(new Uri("/calendar/import", UriKind.Relative)));
        var bad = await PostFormAsync(admin, "/calendar/import", token, ("Pasted", "2037-02-30,off\n"));
        Assert.Contains("第 1 行：2037-02-30 不是有效日期。", bad, StringComparison.Ordinal);
        Assert.Contains("文件未导入", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionsPage_AddsAndEditsADay_WithItsHistory()
    {
        var region = $"CN-P{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var admin = await app.ApiClientAsync(Role.Administrator);
        var token = Token(await admin.GetStringAsync(new Uri("/calendar/regions", UriKind.Relative)));

        var invalid = await PostFormAsync(admin, "/calendar/regions?handler=Add", token, ("region", region), ("date", "2025-04-31"), ("kind", "off"), ("name", ""));
        Assert.Contains("2025-04-31 is not a valid date.", invalid, StringComparison.Ordinal);
        Assert.Contains("A name is required", invalid, StringComparison.Ordinal);

        var added = await PostFormAsync(admin, "/calendar/regions?handler=Add", token, ("region", region), ("date", "2025-04-30"), ("kind", "off"), ("name", "City founding day"));
        Assert.Contains($"Added 2025-04-30 to {region}.", added, StringComparison.Ordinal);
        Assert.Contains("City founding day", added, StringComparison.Ordinal);

        var month = await app.AnonymousClient().GetStringAsync(new Uri($"/calendar?month=2025-04&region={region}", UriKind.Relative));
        Assert.Matches(Cell("off regional", "2025-04-30", "Regional rest day", "City founding day"), month);

        int id;
        await using (var scope = app.Db())
        {
            id = await scope.Db.Set<CalendarDay>().Where(d => d.Name == "City founding day" && scope.Db.Set<CalendarSchedule>().Any(s => s.Id == d.ScheduleId && s.Region == region)).Select(d => d.Id).SingleAsync();
        }

        var edit = await admin.GetStringAsync(new Uri($"/calendar/regions/{region}/days/{id}", UriKind.Relative));
        Assert.Matches($"<td>created\\s*<br>\\s*<span class=\"muted\">{region} 2025-04-30</span>", edit); // its history, with the audit comment
        var saved = await PostFormAsync(admin, $"/calendar/regions/{region}/days/{id}?handler=Save", Token(edit), ("Date", "2025-05-06"), ("Kind", "off"), ("Name", "City founding day"), ("Version", "1"));
        Assert.Contains("Saved 2025-05-06.", saved, StringComparison.Ordinal);

        var stale = await PostFormAsync(admin, $"/calendar/regions/{region}/days/{id}?handler=Save", Token(edit), ("Date", "2025-05-07"), ("Kind", "off"), ("Name", "Late edit"), ("Version", "1"));
        Assert.Contains("Someone changed this day while you were editing it.", stale, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-05-06\"", stale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPageString_HasAChineseTranslation()
    {
        var root = HolidayDataset.RepositoryRoot();
        var resx = await File.ReadAllTextAsync(Path.Combine(root, "src", "Followthrough", "Calendar", "CalendarText.zh-Hans.resx"));
        var keys = KeyPattern().Matches(resx).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var used = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "src", "Followthrough", "Calendar", "Pages")))
        {
            used.AddRange(UsePattern().Matches(await File.ReadAllTextAsync(file)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)));
        }

        used.AddRange(Enum.GetValues<DayKind>().SelectMany(k => new[] { Followthrough.Calendar.Pages.DayKindDisplay.Label(k), Followthrough.Calendar.Pages.DayKindDisplay.Explanation(k) }));
        Assert.NotEmpty(used);
        var missing = used.Distinct().Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Not translated: " + string.Join(" | ", missing));
    }

    private static string ResultOf(string html)
    {
        var start = html.IndexOf("id=\"deadline-result\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no deadline result on the page");
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    private static Regex Cell(string css, string date, string label, string name) => new(
        $"<td class=\"{css}\"[^>]*>\\s*<time class=\"day-number\" datetime=\"{date}\">\\d+</time>\\s*<span class=\"day-kind\">{Regex.Escape(label)}</span>\\s*<span class=\"day-name\"[^>]*>{Regex.Escape(name)}</span>");

    private static Regex CellWithoutName(string css, string date, string? label) => new(label is null
        ? $"<td class=\"{css}\"[^>]*>\\s*<time class=\"day-number\" datetime=\"{date}\">\\d+</time>\\s*<span class=\"visually-hidden\">"
        : $"<td class=\"{css}\"[^>]*>\\s*<time class=\"day-number\" datetime=\"{date}\">\\d+</time>\\s*<span class=\"day-kind\">{Regex.Escape(label)}</span>\\s*</td>");

    private static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");

    private static async Task<string> PostFormAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.GetStringAsync(response.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<data name=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("(?:T|text)\\[\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex UsePattern();
}

public sealed class CalendarPagesOnSqlite(SqliteApp app) : CalendarPageTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarPagesOnPostgreSql(PostgreSqlApp app) : CalendarPageTests(app), IClassFixture<PostgreSqlApp>;
