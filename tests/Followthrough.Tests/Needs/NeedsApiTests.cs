using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Needs;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Needs;

/// <summary>/api/v1/needs on both databases: problem details for each refusal, versions, and who sees what.</summary>
public abstract class NeedsApiTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task AnEnterpriseFiles_TheUnitsHandOnDispatchAndAnswer_TheCallbackReopens_RefusalsAreProblems()
    {
        var beb = await app.UnitIdAsync("DL-BEB");
        var drc = await app.UnitIdAsync("DL-DRC");
        var enterprise = await app.ApiClientAsync(Role.Enterprise, "DL-RKP");
        var stranger = await app.ApiClientAsync(Role.Enterprise, "DL-ETC");
        var bebStaff = await app.ApiClientAsync(Role.UnitStaff, "DL-BEB");
        var drcStaff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");

        var invalid = await enterprise.PostAsJsonAsync("/api/v1/needs", new { title = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("category", out _));

        var filed = await enterprise.PostAsJsonAsync("/api/v1/needs", new
        {
            category = "PolicyBottleneck", title = "储能项目并网接入审批周期长", details = "并网接入意见需要多个部门会签，已等待两个月。", publishConsent = true, unitId = beb,
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var need = (await filed.Content.ReadFromJsonAsync<NeedEntry>(Json))!;
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/needs/{need.Id}")).StatusCode);
        Assert.DoesNotContain((await stranger.GetFromJsonAsync<List<NeedRow>>("/api/v1/needs/mine", Json))!, r => r.Id == need.Id);

        var callbackTooSoon = await enterprise.PostAsJsonAsync($"/api/v1/needs/{need.Id}/call-back", new { version = 1, satisfaction = "Satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, callbackTooSoon.StatusCode);
        Assert.Equal(NeedRules.NotYetAnswered, (await callbackTooSoon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var noReason = await bebStaff.PostAsJsonAsync($"/api/v1/needs/{need.Id}/hand-on", new { version = 1, unitId = drc });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await bebStaff.PostAsJsonAsync($"/api/v1/needs/{need.Id}/dispatch", new { leadUnitId = drc })).StatusCode);

        var dispatched = await bebStaff.PostAsJsonAsync($"/api/v1/needs/{need.Id}/dispatch", new { version = 1, leadUnitId = drc, note = "请市发展改革委牵头答复" });
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        Assert.Equal("\"2\"", dispatched.Headers.ETag?.Tag);
        var notLead = await bebStaff.PostAsJsonAsync($"/api/v1/needs/{need.Id}/answer", new { version = 2, answer = "已协调。" });
        Assert.Equal(HttpStatusCode.Forbidden, notLead.StatusCode);
        Assert.Equal("application/problem+json", notLead.Content.Headers.ContentType?.MediaType);
        Assert.Contains((await drcStaff.GetFromJsonAsync<List<NeedRow>>($"/api/v1/needs/queue/{drc}", Json))!, r => r.Id == need.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await drcStaff.GetAsync($"/api/v1/needs/queue/{beb}")).StatusCode);

        var answered = await drcStaff.PostAsJsonAsync($"/api/v1/needs/{need.Id}/answer", new { version = 2, answer = "并网会签已并为一次联合审查，本周内出具意见。" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var reopened = await enterprise.PostAsJsonAsync($"/api/v1/needs/{need.Id}/call-back", new { version = 3, satisfaction = "Dissatisfied", note = "仍未出具意见" });
        Assert.Equal(NeedState.Reopened, (await reopened.Content.ReadFromJsonAsync<NeedEntry>(Json))!.State);
        var overview = (await supervisor.GetFromJsonAsync<NeedsOverview>("/api/v1/needs/overview", Json))!;
        Assert.Contains(overview.Open, r => r.Id == need.Id && r.Escalated);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/v1/needs/overview")).StatusCode);
    }
}

public sealed class NeedsApiOnSqlite(SqliteApp app) : NeedsApiTests(app), IClassFixture<SqliteApp>;

public sealed class NeedsApiOnPostgreSql(PostgreSqlApp app) : NeedsApiTests(app), IClassFixture<PostgreSqlApp>;
