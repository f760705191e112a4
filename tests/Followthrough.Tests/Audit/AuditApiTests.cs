using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Audit;

/// <summary>The audit API and the audit page: filtered, paged, newest first, and the chain check for administrators.</summary>
public abstract class AuditApiTests(AppFixture app)
{
    [Fact]
    public async Task Search_ByRecord_FindsItsHistory_NewestFirst_WithBeforeAndAfter()
    {
        var owner = await app.ApiClientAsync(Role.Citizen);
        var created = await (await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name = "to revoke" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        (await owner.DeleteAsync($"/api/v1/me/tokens/{id}")).EnsureSuccessStatusCode();
        var supervisor = await app.ApiClientAsync(Role.Supervisor);

        var page = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=api_tokens&entityId={id}");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(["token-revoked", "token-created"], items.Select(e => e.GetProperty("action").GetString()));
        Assert.True(items[0].GetProperty("sequence").GetInt64() > items[1].GetProperty("sequence").GetInt64());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("before").GetProperty("revoked_at").ValueKind);
        Assert.Equal(JsonValueKind.String, items[0].GetProperty("after").GetProperty("revoked_at").ValueKind);
        Assert.Equal("to revoke", items[1].GetProperty("after").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task Search_ByActorAndAction_FindsOnlyThose_AndPages()
    {
        var actor = await app.CreateUserAsync(Role.Leader);
        var client = await app.ApiClientAsync(actor);
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = $"n{i}" })).EnsureSuccessStatusCode();
        }

        var admin = await app.ApiClientAsync(Role.Administrator);
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actorId={actor.PersonId}&action=token-created");
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actorId={actor.PersonId}&action=token-created&page=2&pageSize=2");

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), e =>
        {
            Assert.Equal(actor.PersonId, e.GetProperty("actorId").GetInt32());
            Assert.Equal("token-created", e.GetProperty("action").GetString());
        });
        Assert.Equal("n0", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("after").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_WithABadPage_IsAFieldLevelProblem()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var response = await admin.GetAsync("/api/v1/audit?page=0");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Reconcile_ForAnAdministrator_ComparesEveryAuditedTable_AndIsRefusedToOthers()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var supervisor = await app.ApiClientAsync(Role.Supervisor);

        var result = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/reconcile");
        var refused = await supervisor.GetAsync("/api/v1/audit/reconcile");

        Assert.True(result.GetProperty("tables").GetInt32() > 20);
        Assert.True(result.GetProperty("records").GetInt64() > 100);
        Assert.Equal(result.GetProperty("mismatches").GetInt64(), result.GetProperty("listed").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Verify_ForAnAdministrator_ReportsAnIntactChainOfEveryEntry()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var result = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        await using var scope = app.Db();
        var head = scope.Db.Set<Followthrough.Audit.AuditHead>().Single();

        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.True(result.GetProperty("entriesChecked").GetInt64() >= head.LastSequence - 5); // others may write meanwhile
        Assert.Equal(JsonValueKind.Null, result.GetProperty("brokenSequence").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("problem").ValueKind);
    }

    [Fact]
    public async Task AuditPage_ForTheSupervisionOffice_ShowsTheFilteredTable_WithoutTheVerifyButton()
    {
        var actor = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        await app.ApiClientAsync(actor); // creating its token leaves an entry... by the test actor
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Supervisor));

        var html = await client.GetStringAsync($"/audit?entityType=accounts&entityId={actor.PersonId}");

        Assert.Contains($"accounts #{actor.PersonId}", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Before</th>", html, StringComparison.Ordinal);
        Assert.Contains("(redacted)", html, StringComparison.Ordinal); // the password hash never shows
        Assert.DoesNotContain("Verify the chain", html, StringComparison.Ordinal);
        Assert.DoesNotContain("people #", html, StringComparison.Ordinal); // the filter holds
    }

    [Fact]
    public async Task AuditPage_PagesThroughTheTrail()
    {
        for (var i = 0; i < 3; i++)
        {
            await app.CreateUserAsync(Role.Citizen); // two entries each: with the demo, more than one page of 50
        }

        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Administrator));
        var first = await client.GetStringAsync("/audit");
        var second = await client.GetStringAsync("/audit?page=2");

        Assert.Contains("Page 1 of", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit?page=2\"", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_ForAnAdministrator_VerifiesTheChain()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Administrator));
        Assert.Contains("Verify the chain", await client.GetStringAsync("/audit"), StringComparison.Ordinal);

        var response = await client.PostFormAsync("/audit", [], "/audit?handler=verify");

        Assert.Contains("The chain is intact:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_VerifyBySupervisor_IsForbidden()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Supervisor));
        var response = await client.PostFormAsync("/audit", [], "/audit?handler=verify");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_InChinese_IsTranslated()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Administrator));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var html = await client.GetStringAsync("/audit");
        Assert.Contains("核验链条", html, StringComparison.Ordinal);
        Assert.Contains("变更前", html, StringComparison.Ordinal);
    }
}

public sealed class AuditApiOnSqlite(SqliteApp app) : AuditApiTests(app), IClassFixture<SqliteApp>;

public sealed class AuditApiOnPostgreSql(PostgreSqlApp app) : AuditApiTests(app), IClassFixture<PostgreSqlApp>;
