using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Followthrough.Accounts;
using Followthrough.Evaluation;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Evaluation;

/// <summary>The bulletin's figures on a hand-checked fixture, its API, exports and who may write scores and notes, on both databases.</summary>
public abstract class BulletinTests(AppFixture app)
{
    private static string NewCode() => "EV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private Task<Unit> FixtureAsync(string code) =>
        app.WithServicesAsync(sp => BulletinFixture.AddAsync(sp.GetRequiredService<FollowthroughDb>(), code));

    private Task<Bulletin> BuildAsync(string period) => app.WithServicesAsync(sp =>
    {
        Assert.True(EvaluationPeriod.TryParse(period, out var parsed, out var error), error);
        return BulletinFixture.Builder(sp.GetRequiredService<FollowthroughDb>()).BuildAsync(parsed, BulletinFixture.Today);
    });

    /// <param name="summarized">With the tasks' summaries of answered periods filled, or not (the bulletin reads the reports).</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Figures_AcrossTheSpringFestival_MatchTheHandCount(bool summarized)
    {
        var unit = await FixtureAsync(NewCode());
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            await (summarized ? Summaries.FillAsync(db, unit.Id) : Summaries.ForgetAsync(db, unit.Id));
            return 0;
        });
        await app.WithServicesAsync(sp => sp.GetRequiredService<EvaluationService>()
            .SetScoreAsync(new CurrentUser(null, "supervisor", Role.Supervisor, null), unit.Id, "2025q1", 80, "Thorough evidence", null));

        var row = (await BuildAsync("2025Q1")).Rows.Single(r => r.UnitId == unit.Id);
        var f = row.Figures;
        Assert.Equal((5, 1, 1, 1, 1, 1), (f.Due, f.ClosedOnTime, f.ClosedLate, f.StillOverdue, f.AwaitingVerification, f.NotYetDue));
        Assert.Equal(1.0 / 3, f.OnTimeRate!.Value, 6);
        Assert.Equal((2, 10L), (f.DelayedTasks, f.DelayWorkingDays));
        Assert.Equal(5.0, f.AverageDelay);
        Assert.Equal((5, 3), (f.ReportsDue, f.ReportsOnTime));
        Assert.Equal(80, row.QualityScore);
        Assert.Equal(52.67, row.Score);

        // January alone: only B is due (closed late, 4 working days); no reporting period of B ends in January.
        var january = (await BuildAsync("2025-01")).Rows.Single(r => r.UnitId == unit.Id);
        Assert.Equal((1, 0, 1, 0), (january.Figures.Due, january.Figures.ClosedOnTime, january.Figures.ClosedLate, january.Figures.StillOverdue));
        Assert.Equal(4.0, january.Figures.AverageDelay);
        Assert.Null(january.QualityScore); // scores are per period
    }

    [Fact]
    public async Task BadPeriod_Answers400_NamingTheFormats_NotA500()
    {
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-EEB");
        foreach (var period in new[] { "2026Q5", "next-quarter", "" })
        {
            var response = await staff.GetAsync($"/api/v1/evaluation/bulletin?period={Uri.EscapeDataString(period)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains("2026Q3", (string?)problem["errors"]!["period"]![0], StringComparison.Ordinal);
        }

        var format = await staff.GetAsync("/api/v1/evaluation/bulletin?period=2025Q1&format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
    }

    [Fact]
    public async Task Scores_AndNotes_OnlyTheSupervisionOfficeWrites_EveryoneInGovernmentReads()
    {
        var unit = await FixtureAsync(NewCode());
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-EEB");
        var leader = await app.ApiClientAsync(Role.Leader);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/evaluation/bulletin?period=2025Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/v1/evaluation/scores/{unit.Id}", new { period = "2025Q1", score = 100 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync($"/api/v1/evaluation/scores/{unit.Id}", new { period = "2025Q1", score = 100 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/evaluation/notes", new { unitId = unit.Id, period = "2025Q1", kind = "Reward", text = "Self-praise" })).StatusCode);

        var bad = await supervisor.PutAsJsonAsync($"/api/v1/evaluation/scores/{unit.Id}", new { period = "2025Q1", score = 101 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("0 to 100", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var set = await supervisor.PutAsJsonAsync($"/api/v1/evaluation/scores/{unit.Id}", new { period = "2025Q1", score = 70, comment = "Reports thin" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var score = (await set.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (int)score["version"]!);
        var stale = await supervisor.PutAsJsonAsync($"/api/v1/evaluation/scores/{unit.Id}", new { period = "2025Q1", score = 75, version = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var changed = await supervisor.PutAsJsonAsync($"/api/v1/evaluation/scores/{unit.Id}", new { period = "2025q1", score = 75, version = 1 });
        Assert.Equal(2, (int)(await changed.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);

        var note = await supervisor.PostAsJsonAsync("/api/v1/evaluation/notes", new { unitId = unit.Id, period = "2025Q1", kind = "Accountability", text = "约谈主要负责人：整改逾期" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);

        var bulletin = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/evaluation/bulletin?period=2025Q1"))!;
        var row = bulletin["units"]!.AsArray().Single(u => (int)u!["unitId"]! == unit.Id)!;
        Assert.Equal(75, (int)row["qualityScore"]!);
        Assert.Equal(5, (int)row["due"]!);
        Assert.Contains(bulletin["notes"]!.AsArray(), n => (string?)n!["text"] == "约谈主要负责人：整改逾期" && (string?)n["kind"] == "Accountability");
        Assert.Contains("50% on-time rate", (string?)bulletin["rankingRule"], StringComparison.Ordinal);

        var history = await app.WithServicesAsync(sp => sp.GetRequiredService<Followthrough.Audit.AuditTrail>().HistoryAsync("evaluation_scores", (int)score["id"]!));
        Assert.Equal(2, history.Count(e => e.Action == "score-unit"));
    }

    [Fact]
    public async Task Exports_CsvAndXlsx_HoldTheUnitsFiguresAndTheRule()
    {
        var code = NewCode();
        var unit = await FixtureAsync(code);
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        await supervisor.PostAsJsonAsync("/api/v1/evaluation/notes", new { unitId = unit.Id, period = "2025Q1", kind = "Reward", text = "Closed the Spring Festival backlog" });

        var csv = await supervisor.GetAsync("/api/v1/evaluation/bulletin?period=2025Q1&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Rank,Unit code,Unit,Tasks due,Closed on time,Closed late,Still overdue", lines[0], StringComparison.Ordinal);
        // The web app counts to the real today (after 2025), so D, due 31 March 2025 and still in progress, is overdue too:
        // 1 on time of 1 + 1 + 2 settled = 25%.
        var line = lines.Single(l => l.Contains(code, StringComparison.Ordinal)).Split(',');
        Assert.Equal([code, "Fixture Bureau", "5", "1", "1", "2", "1", "0", "25.0%"], line[1..10]);
        Assert.Contains("Reward: Closed the Spring Festival backlog", lines.Single(l => l.Contains(code, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("Ranking rule,", lines[^1], StringComparison.Ordinal);

        var xlsx = await supervisor.GetAsync("/api/v1/evaluation/bulletin?period=2025Q1&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).ToList()).ToList();
        Assert.Equal("Tasks due", cells[0][3]);
        var row = cells.Single(r => r.Contains(code));
        Assert.Equal("5", row[3]);
        Assert.Equal("25.0%", row[9]);

        // In Chinese the headers are translated.
        supervisor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync("/api/v1/evaluation/bulletin?period=2025Q1&format=csv"));
        Assert.Contains("按期办结", chinese, StringComparison.Ordinal);
        Assert.Contains("考核样例局", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_CurrentAndPreviousQuarter_HaveRealRows()
    {
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-EEB");
        var today = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BulletinBuilder>().Today));
        var current = EvaluationPeriod.QuarterOf(today);
        foreach (var period in new[] { current, current.PreviousQuarter() })
        {
            var bulletin = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/evaluation/bulletin?period={period.Key}"))!;
            var units = bulletin["units"]!.AsArray();
            Assert.Contains(units, u => (int)u!["due"]! > 0 && u["rank"] is not null);
            Assert.Contains(units, u => (int)u!["closedOnTime"]! + (int)u["closedLate"]! > 0);
        }
    }

    [Fact]
    public async Task BulletinPage_ShowsTheRule_OnlyTheOfficeEnters_AScoreThroughTheForm()
    {
        var code = NewCode();
        var unit = await FixtureAsync(code);
        var staff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-EEB");
        var page = await staff.GetPageAsync("/evaluation/bulletin?period=2025Q1");
        Assert.Contains(code, page, StringComparison.Ordinal);
        Assert.Contains("50% on-time rate", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Save the score", page, StringComparison.Ordinal);
        var forbidden = await staff.PostFormAsync("/evaluation/bulletin?period=2025Q1",
            [new("period", "2025Q1"), new("unitId", unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("score", "99")],
            "/evaluation/bulletin?handler=Score");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode); // pages send the refused to /forbidden
        Assert.Contains("/forbidden", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var id = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var invalid = await supervisor.PostFormAsync("/evaluation/bulletin?period=2025Q1",
            [new("period", "2025Q1"), new("unitId", id), new("score", "140")], "/evaluation/bulletin?handler=Score");
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", invalidPage, StringComparison.Ordinal);
        Assert.Contains("0 to 100", invalidPage, StringComparison.Ordinal);
        var saved = await supervisor.PostFormAsync("/evaluation/bulletin?period=2025Q1",
            [new("period", "2025Q1"), new("unitId", id), new("score", "64"), new("comment", "Evidence complete")], "/evaluation/bulletin?handler=Score");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await supervisor.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("The quality score was saved.", after, StringComparison.Ordinal);

        var bad = await staff.GetAsync("/evaluation/bulletin?period=2025Q9");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("role=\"alert\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var chinese = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-EEB", "zh-CN");
        var zh = await chinese.GetPageAsync("/evaluation/bulletin?period=2025Q1");
        Assert.Contains("排名规则", zh, StringComparison.Ordinal);
        Assert.Contains("考核样例局", zh, StringComparison.Ordinal);
    }
}

public sealed class SqliteBulletinTests(SqliteApp app) : BulletinTests(app), IClassFixture<SqliteApp>;

public sealed class PostgreSqlBulletinTests(PostgreSqlApp app) : BulletinTests(app), IClassFixture<PostgreSqlApp>;
