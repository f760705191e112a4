using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Tests.Infrastructure;
using Followthrough.Web;

namespace Followthrough.Tests.Plans;

/// <summary>The plans API over HTTP on a real database: CRUD with versions, values and corrections, evidence, import and export, permissions.</summary>
public abstract class PlansApiTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string NewCode(string prefix = "P") => prefix + "-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static PlanWrite Plan(string code, int version = 0) =>
        new(code, "测试规划", "Test plan", PlanLevel.Municipal, "DL-DRC", 2021, 2025, 2035, PlanStatus.Draft, version == 0 ? null : version);

    private static IndicatorWrite Indicator(string code, string item, string reportingUnit = "DL-STB", ReportingFrequency frequency = ReportingFrequency.Yearly) =>
        new(code, item, "研发投入强度", "R&D intensity", "%", "%", IndicatorCategory.Innovation, IndicatorNature.Expected, IndicatorDirection.HigherIsBetter,
            2020, 2.0m, [new YearlyTargetDto(2021, 2.2m)], 3.0m, null, 3.5m, null, reportingUnit, frequency, true);

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Web)!;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    private static HttpRequestMessage Put<T>(string url, T body, int ifMatch) =>
        new(HttpMethod.Put, url) { Content = JsonContent.Create(body), Headers = { IfMatch = { new EntityTagHeaderValue($"\"{ifMatch}\"") } } };

    /// <summary>A plan with chapter C1 → section C1.1, and an indicator RD on C1 reported by the given unit.</summary>
    private static async Task<(PlanDto Plan, IndicatorDto Indicator)> PlanWithIndicatorAsync(HttpClient editor, string reportingUnit = "DL-STB", ReportingFrequency frequency = ReportingFrequency.Yearly)
    {
        var plan = await Read<PlanDto>(await editor.PostAsJsonAsync("/api/v1/plans", Plan(NewCode())));
        await Read<ItemDto>(await editor.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/items", new ItemWrite("C1", null, PlanItemKind.Chapter, null, "第一章", "Chapter one", "DL-STB", ["DL-IIT"], null, null)));
        await Read<ItemDto>(await editor.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/items", new ItemWrite("C1.1", "C1", PlanItemKind.Section, null, "第一节", null, "DL-STB", [], null, null)));
        var indicator = await Read<IndicatorDto>(await editor.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/indicators", Indicator("RD", "C1", reportingUnit, frequency)));
        return (plan, indicator);
    }

    [Fact]
    public async Task Plan_CreateReadUpdate_UsesVersionsAsETags_AndAStaleUpdateGets409()
    {
        var client = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var code = NewCode();
        var created = await client.PostAsJsonAsync("/api/v1/plans", Plan(code.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var plan = await Read<PlanDto>(created);
        Assert.Equal(code, plan.Code); // codes are kept in upper case

        var read = await client.GetAsync($"/api/v1/plans/{plan.Id}");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        var updated = await client.SendAsync(Put($"/api/v1/plans/{plan.Id}", Plan(code) with { Status = PlanStatus.InForce }, 1));
        Assert.Equal(PlanStatus.InForce, (await Read<PlanDto>(updated)).Status);
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);

        var stale = await Problem(await client.SendAsync(Put($"/api/v1/plans/{plan.Id}", Plan(code) with { NameEn = "Lost" }, 1)), HttpStatusCode.Conflict);
        Assert.Equal(2, stale.GetProperty("currentVersion").GetInt32());
        var noVersion = await Problem(await client.PutAsJsonAsync($"/api/v1/plans/{plan.Id}", Plan(code)), HttpStatusCode.BadRequest);
        Assert.True(noVersion.GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal("Test plan", (await Read<PlanDto>(await client.GetAsync($"/api/v1/plans/{plan.Id}"))).NameEn);
    }

    [Fact]
    public async Task Plan_InvalidFields_Get400WithAnErrorPerField()
    {
        var client = await app.ApiClientAsync(Role.Administrator, "DL-GO");
        var problem = await Problem(await client.PostAsJsonAsync("/api/v1/plans", new PlanWrite("bad code!", " ", null, PlanLevel.Municipal, "NO-SUCH-UNIT", 2025, 2021, null, PlanStatus.Draft)), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "code", "nameZh", "ownerUnit", "endYear" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Items_AreNumberedInOutlineOrder_AndTheOutlineRefusesLoopsAndWrongKinds()
    {
        var client = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var (plan, _) = await PlanWithIndicatorAsync(client);
        var goal = await Read<ItemDto>(await client.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/items",
            new ItemWrite("C1.1.1", "C1.1", PlanItemKind.Goal, null, "目标", null, "市科技局", ["DL-HRS", "DL-STB"], 2, "LN-14FYP:C1.1")));
        Assert.Equal("1.1.1", goal.Number);
        Assert.Equal(["DL-HRS"], goal.CoUnits); // the lead unit is not also its own partner
        Assert.Equal("LN-14FYP:C1.1", goal.Implements);

        var list = await Read<Paged<ItemDto>>(await client.GetAsync($"/api/v1/plans/{plan.Id}/items"));
        Assert.Equal(["1", "1.1", "1.1.1"], list.Items.Select(i => i.Number));

        var chapter = list.Items[0];
        var loop = await Problem(await client.SendAsync(Put($"/api/v1/plan-items/{chapter.Id}",
            new ItemWrite("C1", "C1.1.1", PlanItemKind.Measure, null, "第一章", null, null, null, null, null), chapter.Version)), HttpStatusCode.BadRequest);
        Assert.True(loop.GetProperty("errors").TryGetProperty("parent", out _));

        var wrongKind = await Problem(await client.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/items",
            new ItemWrite("X1", "C1.1.1", PlanItemKind.Section, null, "节", null, null, null, null, null)), HttpStatusCode.BadRequest);
        Assert.True(wrongKind.GetProperty("errors").TryGetProperty("kind", out _));

        var sameLevel = await Problem(await client.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/items",
            new ItemWrite("X2", "C1.1", PlanItemKind.Goal, null, "目标", null, null, null, null, "DL-14FYP:C1")), HttpStatusCode.BadRequest);
        Assert.True(sameLevel.GetProperty("errors").TryGetProperty("implements", out _));

        await Problem(await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/plan-items/{chapter.Id}") { Headers = { IfMatch = { new EntityTagHeaderValue($"\"{chapter.Version}\"") } } }), HttpStatusCode.Conflict);
        var deleted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/plan-items/{goal.Id}") { Headers = { IfMatch = { new EntityTagHeaderValue($"\"{goal.Version}\"") } } });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Values_RecordAndCorrect_KeepTheEarlierFigure_AndTheStatusFollowsTheCurrentOne()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var (_, indicator) = await PlanWithIndicatorAsync(supervisor);
        Assert.Equal(IndicatorStatus.NoData, indicator.Status!.Status);

        var first = await Read<ValueDto>(await supervisor.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values", new ValueWrite("2021", 2.0m, "first report", null)));
        await Problem(await supervisor.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values", new ValueWrite("2021", 2.1m, null, null)), HttpStatusCode.Conflict);
        var corrected = await Read<ValueDto>(await supervisor.PostAsJsonAsync($"/api/v1/indicator-values/{first.Id}/corrections", new CorrectionWrite(2.25m, "revised by the statistics bureau", null)));
        Assert.Equal(first.Id, corrected.SupersedesId);
        await Problem(await supervisor.PostAsJsonAsync($"/api/v1/indicator-values/{first.Id}/corrections", new CorrectionWrite(2.3m, "again", null)), HttpStatusCode.Conflict);
        var noReason = await Problem(await supervisor.PostAsJsonAsync($"/api/v1/indicator-values/{corrected.Id}/corrections", new CorrectionWrite(2.3m, " ", null)), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("note", out _));

        var values = await Read<Paged<ValueDto>>(await supervisor.GetAsync($"/api/v1/indicators/{indicator.Id}/values"));
        Assert.Equal([(corrected.Id, true, (long?)null), (first.Id, false, corrected.Id)], values.Items.Select(v => (v.Id, v.IsCurrent, v.SupersededById)));
        Assert.Equal(2.0m, values.Items[1].Value);

        var status = (await Read<IndicatorDto>(await supervisor.GetAsync($"/api/v1/indicators/{indicator.Id}"))).Status!;
        Assert.Equal(2.25m, status.LatestValue);
        Assert.Equal(2.2m, status.Expected); // the 2021 yearly target
        Assert.Equal(ExpectationBasis.YearlyTarget, status.Basis);
        Assert.Equal(IndicatorStatus.NoData, status.Status); // 2022–2025 are overdue by now
        Assert.Equal("2025", status.OverduePeriod);
    }

    [Fact]
    public async Task Values_OutsideThePlanOrInTheWrongForm_Get400OnThePeriod()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var (_, indicator) = await PlanWithIndicatorAsync(supervisor, frequency: ReportingFrequency.Quarterly);
        foreach (var period in new[] { "2019-Q4", "2026-Q1", "2023", "2023-Q5" })
        {
            var problem = await Problem(await supervisor.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values", new ValueWrite(period, 1m, null, null)), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _), period);
        }

        var ok = await supervisor.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values", new ValueWrite("2023年第2季度", 1m, null, null));
        Assert.Equal("2023-Q2", (await Read<ValueDto>(ok)).Period);
    }

    [Fact]
    public async Task Values_OnlyTheReportingUnitOrASupervisor_MayRecordThem()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var (_, indicator) = await PlanWithIndicatorAsync(supervisor, reportingUnit: "DL-EEB");
        var body = new ValueWrite("2021", 1m, null, null);

        foreach (var (role, unit) in new[] { (Role.UnitStaff, "DL-STB"), (Role.Administrator, "DL-GO"), (Role.Leader, "DL-GOV") })
        {
            var other = await app.ApiClientAsync(role, unit);
            await Problem(await other.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values", body), HttpStatusCode.Forbidden);
        }

        var reporter = await app.ApiClientAsync(Role.UnitStaff, "DL-EEB");
        var recorded = await Read<ValueDto>(await reporter.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values", body));
        var stranger = await app.ApiClientAsync(Role.UnitStaff, "DL-HRS");
        await Problem(await stranger.PostAsJsonAsync($"/api/v1/indicator-values/{recorded.Id}/corrections", new CorrectionWrite(2m, "mine now", null)), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, (await reporter.PostAsJsonAsync($"/api/v1/indicator-values/{recorded.Id}/corrections", new CorrectionWrite(2m, "typo", null))).StatusCode);
    }

    [Fact]
    public async Task Plans_AreReadByGovernmentStaff_AndChangedByAdministratorsAndSupervisorsOnly()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/plans")).StatusCode);
        foreach (var role in new[] { Role.Enterprise, Role.Citizen })
        {
            var outsider = await app.ApiClientAsync(role);
            await Problem(await outsider.GetAsync("/api/v1/plans"), HttpStatusCode.Forbidden);
        }

        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");
        var plans = await Read<Paged<PlanDto>>(await staff.GetAsync("/api/v1/plans?code=dl-14fyp"));
        Assert.Equal("DL-14FYP", Assert.Single(plans.Items).Code);
        await Problem(await staff.PostAsJsonAsync("/api/v1/plans", Plan(NewCode())), HttpStatusCode.Forbidden);
        var leader = await app.ApiClientAsync(Role.Leader, "DL-GOV");
        await Problem(await leader.PostAsJsonAsync("/api/v1/plans", Plan(NewCode())), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Lists_ArePaged_AndRefuseOversizedPages()
    {
        var client = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        var plan = Assert.Single((await Read<Paged<PlanDto>>(await client.GetAsync("/api/v1/plans?code=DL-14FYP"))).Items);
        var first = await Read<Paged<IndicatorDto>>(await client.GetAsync($"/api/v1/plans/{plan.Id}/indicators?pageSize=5"));
        var second = await Read<Paged<IndicatorDto>>(await client.GetAsync($"/api/v1/plans/{plan.Id}/indicators?page=2&pageSize=5"));
        Assert.Equal(5, first.Items.Count);
        Assert.True(first.Total >= 12);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        await Problem(await client.GetAsync($"/api/v1/plans/{plan.Id}/items?pageSize=500"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DemoPlan_HasEveryStatus_AndItemsLinkedToTheProvincialPlan()
    {
        var client = await app.ApiClientAsync(Role.Leader, "DL-GOV");
        var plan = Assert.Single((await Read<Paged<PlanDto>>(await client.GetAsync("/api/v1/plans?code=DL-14FYP"))).Items);
        var status = await Read<PlanStatusDto>(await client.GetAsync($"/api/v1/plans/{plan.Id}/status"));
        Assert.Equal(6, status.Chapters.Count);
        Assert.True(status.OnTrack > 0 && status.AtRisk > 0 && status.OffTrack > 0 && status.NoData > 0, JsonSerializer.Serialize(status));
        Assert.True(status.OnTrack + status.AtRisk + status.OffTrack + status.NoData >= 12);
        var items = await Read<Paged<ItemDto>>(await client.GetAsync($"/api/v1/plans/{plan.Id}/items?pageSize=200"));
        Assert.True(items.Items.Count(i => i.Implements?.StartsWith("LN-14FYP:", StringComparison.Ordinal) == true) >= 3);
        var range = (await Read<Paged<IndicatorDto>>(await client.GetAsync($"/api/v1/plans/{plan.Id}/indicators?pageSize=50"))).Items.Single(i => i.Code == "URBAN-UNEMPLOYMENT");
        Assert.Equal(IndicatorDirection.WithinRange, range.Direction);
        Assert.Equal("2025-Q4", range.Status!.OverduePeriod);
    }

    [Fact]
    public async Task Evidence_IsCheckedByContent_StoredWithItsChecksum_AndServedBack()
    {
        var reporter = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3 };
        using var good = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "bulletin.png" } };
        var evidence = await Read<EvidenceDto>(await reporter.PostAsync("/api/v1/evidence", good));
        Assert.Equal("image/png", evidence.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), evidence.Sha256);

        using var disguised = new MultipartFormDataContent { { new ByteArrayContent("not really a pdf"u8.ToArray()), "file", "report.pdf" } };
        await Problem(await reporter.PostAsync("/api/v1/evidence", disguised), HttpStatusCode.BadRequest);
        using var renamed = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "report.pdf" } };
        await Problem(await reporter.PostAsync("/api/v1/evidence", renamed), HttpStatusCode.BadRequest);

        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var (_, indicator) = await PlanWithIndicatorAsync(supervisor);
        var value = await Read<ValueDto>(await reporter.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values", new ValueWrite("2022", 2.3m, null, evidence.Id)));
        Assert.Equal(evidence.Id, value.EvidenceId);
        var download = await supervisor.GetAsync($"/api/v1/evidence/{evidence.Id}");
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ImportAndExport_OverHttp_ReportProblemsByCell_AndReimportChangesNothing()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var file = new TestPlanFile(NewCode("IMP"));
        file.Items[0]["lead_unit"] = "NO-SUCH-UNIT";
        using (var bad = new MultipartFormDataContent { { new ByteArrayContent(file.Csv()), "file", "plan.csv" } })
        {
            var problem = await Problem(await supervisor.PostAsync("/api/v1/plans/import", bad), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty($"Items[{file.CsvLine("Items", 0)}].lead_unit", out _), problem.ToString());
            Assert.Equal("lead_unit", problem.GetProperty("problems")[0].GetProperty("column").GetString());
        }

        file.Items[0]["lead_unit"] = "DL-STB";
        using (var good = new MultipartFormDataContent { { new ByteArrayContent(file.Xlsx()), "file", "plan.xlsx" } })
        {
            var summary = await Read<ImportSummaryDto>(await supervisor.PostAsync("/api/v1/plans/import", good));
            Assert.True(summary.Applied);
        }

        var plan = Assert.Single((await Read<Paged<PlanDto>>(await supervisor.GetAsync($"/api/v1/plans?code={file.Code}"))).Items);
        var export = await supervisor.GetAsync($"/api/v1/plans/{plan.Id}/export?format=csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        using (var again = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "export.csv" } })
        {
            var summary = await Read<ImportSummaryDto>(await supervisor.PostAsync("/api/v1/plans/import", again));
            Assert.False(summary.Applied);
        }

        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");
        using var forbidden = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "export.csv" } };
        await Problem(await staff.PostAsync("/api/v1/plans/import", forbidden), HttpStatusCode.Forbidden);
        var template = await staff.GetAsync("/api/v1/plans/import-template?format=xlsx&language=zh");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
    }

    [Fact]
    public async Task Pages_OfThePlan_AreServedToStaff_AndRefusedToOthers()
    {
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-EEB");
        var plan = Assert.Single((await Read<Paged<PlanDto>>(await staff.GetAsync("/api/v1/plans?code=DL-14FYP"))).Items);
        var indicators = await Read<Paged<IndicatorDto>>(await staff.GetAsync($"/api/v1/plans/{plan.Id}/indicators?pageSize=50"));
        var items = await Read<Paged<ItemDto>>(await staff.GetAsync($"/api/v1/plans/{plan.Id}/items?pageSize=50"));
        foreach (var url in new[] { "/plans", $"/plans/{plan.Id}", $"/plans/{plan.Id}?unit=DL-EEB&status=OnTrack", $"/plans/{plan.Id}/overview",
            $"/plans/items/{items.Items[0].Id}", $"/plans/indicators/{indicators.Items[0].Id}" })
        {
            var page = await staff.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {(int)page.StatusCode}");
        }

        var tree = await staff.GetStringAsync($"/plans/{plan.Id}");
        Assert.Contains("<details", tree, StringComparison.Ordinal);
        var eebIndicator = indicators.Items.First(i => i.ReportingUnit == "DL-EEB");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/plans/indicators/{eebIndicator.Id}/record")).StatusCode);
        var otherIndicator = indicators.Items.First(i => i.ReportingUnit != "DL-EEB");
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync($"/plans/indicators/{otherIndicator.Id}/record")).StatusCode);

        var anonymous = await app.AnonymousClient().GetAsync($"/plans/{plan.Id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/sign-in", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        var citizen = await app.ApiClientAsync(Role.Citizen);
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync($"/plans/{plan.Id}")).StatusCode);
    }
}

public sealed class PlansApiOnSqlite(SqliteApp app) : PlansApiTests(app), IClassFixture<SqliteApp>;

public sealed class PlansApiOnPostgreSql(PostgreSqlApp app) : PlansApiTests(app), IClassFixture<PostgreSqlApp>;
