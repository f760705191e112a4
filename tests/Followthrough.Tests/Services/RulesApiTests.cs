using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Rules;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>/api/v1/services/items/{id}/rules on both databases: save refused with problem details naming the line, versions, switch, decision.</summary>
public abstract class RulesApiTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Rules_AreSavedVersionedSwitched_AndTheDecisionIsExplainedInTheApi()
    {
        var unit = await app.UnitIdAsync(ApplicationCast.UnitCode);
        var item = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(CatalogueSamples.Item(unit) with
        {
            AutoDecidable = true,
            Fields = [new FormFieldInput("amount", "金额", "Amount", "Number", true)],
        })).Value!);
        var supervisor = await app.ApiClientAsync(Role.Supervisor);
        var enterprise = await app.ApiClientAsync(Role.Enterprise);
        var path = $"/api/v1/services/items/{item.Id}/rules";
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync(path)).StatusCode);

        var bad = await supervisor.PutAsJsonAsync(path, new { lines = new[] { new { expression = "Exec('rm') == 1", explanationZh = "甲", explanationEn = "A" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Exec", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lines[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PutAsJsonAsync(path, new { lines = Array.Empty<object>() })).StatusCode);

        var saved = await supervisor.PutAsJsonAsync(path, new { lines = new[] { new { expression = "amount <= 100", explanationZh = "金额不超过100", explanationEn = "At most 100", refusesWhenFalse = true } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (await saved.Content.ReadFromJsonAsync<RuleSetEntry>(Json))!.RuleVersion);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await supervisor.PutAsJsonAsync(path, new { lines = Array.Empty<object>() })).StatusCode);

        var filed = await enterprise.PostAsJsonAsync("/api/v1/services/applications", new { itemId = item.Id, answers = new { amount = "250" } });
        var rejected = (await filed.Content.ReadFromJsonAsync<ServiceApplicationEntry>(Json))!;
        Assert.Equal(ApplicationState.Rejected, rejected.State);
        var decision = (await enterprise.GetFromJsonAsync<AutoDecisionEntry>($"/api/v1/services/applications/{rejected.Id}/auto-decision", Json))!;
        Assert.Equal((AutoOutcome.Rejected, false, "250"), (decision.Outcome, decision.Lines[0].Result, decision.Lines[0].Inputs["amount"]));

        var wrongType = await enterprise.PostAsJsonAsync("/api/v1/services/applications", new { itemId = item.Id, answers = new { amount = "many" } });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("answers.amount", out _));

        var off = await supervisor.PostAsJsonAsync(path + "/switch", new { on = false, version = 1 });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await off.Content.ReadFromJsonAsync<RuleSetEntry>(Json))!.AutomationOn);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync(path + "/switch", new { on = true, version = 1 })).StatusCode);
        var later = await enterprise.PostAsJsonAsync("/api/v1/services/applications", new { itemId = item.Id, answers = new { amount = "20" } });
        Assert.Equal(ApplicationState.Received, (await later.Content.ReadFromJsonAsync<ServiceApplicationEntry>(Json))!.State);
    }
}

public sealed class RulesApiOnSqlite(SqliteApp app) : RulesApiTests(app), IClassFixture<SqliteApp>;

public sealed class RulesApiOnPostgreSql(PostgreSqlApp app) : RulesApiTests(app), IClassFixture<PostgreSqlApp>;
