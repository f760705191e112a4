using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Accounts;

public abstract class TokenApiTests(AppFixture app)
{
    [Fact]
    public async Task Me_WithToken_SaysWhoIAm()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        var client = await app.ApiClientAsync(user);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(user.PersonId, me.GetProperty("id").GetInt32());
        Assert.Equal(user.UserName, me.GetProperty("userName").GetString());
        Assert.Equal(user.UserName, me.GetProperty("nameZh").GetString());
        Assert.Equal("UnitStaff", me.GetProperty("role").GetString());
        Assert.Equal("DL-DRC", me.GetProperty("unit").GetProperty("code").GetString());
        Assert.Equal(user.UnitId, me.GetProperty("unit").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Me_ForACitizen_HasNoUnit()
    {
        var client = await app.ApiClientAsync(Role.Citizen);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Citizen", me.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("unit").ValueKind);
    }

    [Fact]
    public async Task CreateToken_AnswersTheSecretOnce_AndListsShowOnlyItsPrefix()
    {
        var client = await app.ApiClientAsync(Role.Supervisor);

        var response = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "monthly report script", expiresAt = DateTime.UtcNow.AddDays(30) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("id").GetInt32();
        Assert.StartsWith("ft_", secret, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/me/tokens/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith(created.GetProperty("prefix").GetString()!, secret, StringComparison.Ordinal);

        var list = await client.GetStringAsync("/api/v1/me/tokens");
        var one = await client.GetStringAsync($"/api/v1/me/tokens/{id}");
        Assert.Contains("monthly report script", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewToken_Works_UntilRevoked_ThenIsRefusedAtOnce()
    {
        var client = await app.ApiClientAsync(Role.Leader);
        var created = await (await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "cockpit" })).Content.ReadFromJsonAsync<JsonElement>();
        var second = app.AnonymousClient();
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.GetProperty("secret").GetString());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/me")).StatusCode);

        var revoke = await client.DeleteAsync($"/api/v1/me/tokens/{created.GetProperty("id").GetInt32()}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode); // the other token still works
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens");
        var revoked = listed.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "cockpit");
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task TokenRevokedBehindTheAppsBack_IsRefusedOnTheVeryNextRequest()
    {
        // The token is read on every request, through a long-lived data source: nothing of it may be kept between
        // requests, even when the revocation bypasses the app (plain SQL, as another instance or the command line).
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-FIN");
        var client = await app.ApiClientAsync(user);
        var tokenId = await LatestTokenIdAsync(user.PersonId);
        var burst = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("/api/v1/tasks/inbox")));
        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await using (var scope = app.Db())
        {
            await scope.Db.Set<ApiToken>().Where(t => t.Id == tokenId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/tasks/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name":"x","expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt")]
    public async Task CreateToken_WithInvalidField_GivesFieldLevelProblem_AndCreatesNothing(string body, string field)
    {
        var user = await app.CreateUserAsync(Role.Enterprise, "DL-RKP");
        var client = await app.ApiClientAsync(user);

        var response = await client.PostAsync("/api/v1/me/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(1, await TokenCountAsync(user.PersonId)); // only the test client's own token
    }

    [Fact]
    public async Task CreateToken_WithNameOver100Characters_IsRefused()
    {
        var client = await app.ApiClientAsync(Role.Citizen);
        var response = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = new string('a', 101) });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100", problem.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = new string('a', 100) })).StatusCode);
    }

    [Fact]
    public async Task RevokingSomeoneElsesToken_Is404_AndTheTokenKeepsWorking()
    {
        var owner = await app.CreateUserAsync(Role.UnitStaff, "DL-STB");
        var ownerClient = await app.ApiClientAsync(owner);
        var ownerTokenId = await LatestTokenIdAsync(owner.PersonId);
        var other = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");

        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/me/tokens/{ownerTokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/me/tokens/{ownerTokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_IsRefused()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        var client = await app.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await using (var scope = app.Db())
        {
            var id = await LatestTokenIdAsync(user.PersonId);
            await scope.Db.Set<ApiToken>().Where(t => t.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task TokenOfADeactivatedPerson_IsRefused()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        var client = await app.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await SetActiveAsync(user.PersonId, false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task NotAFollowthroughToken_IsRefused()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ft_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOi.something.else");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Administrator_RevokesAnyonesToken_OthersMayNot()
    {
        var owner = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var ownerClient = await app.ApiClientAsync(owner);
        var tokenId = await LatestTokenIdAsync(owner.PersonId);
        var supervisor = await app.ApiClientAsync(Role.Supervisor);
        var admin = await app.ApiClientAsync(Role.Administrator);

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.DeleteAsync($"/api/v1/people/{owner.PersonId}/tokens/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/people/{owner.PersonId + 100000}/tokens/{tokenId}")).StatusCode);

        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{owner.PersonId}/tokens");
        Assert.Equal(tokenId, listed.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/people/{owner.PersonId}/tokens/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ownerClient.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ListTokens_IsPaginated()
    {
        var client = await app.ApiClientAsync(Role.Citizen);
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = $"t{i}" })).EnsureSuccessStatusCode();
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens?page=2&pageSize=2");
        var tooBig = await client.GetAsync("/api/v1/me/tokens?pageSize=100000");

        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(["t0", "test"], page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task TokenHashes_NeverReachTheAuditTrail()
    {
        var user = await app.CreateUserAsync(Role.Citizen);
        var client = await app.ApiClientAsync(user);
        var created = await (await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "audited" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;

        var id = created.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = app.Db();
        var entry = await scope.Db.Set<Followthrough.Audit.AuditEntry>()
            .Where(e => e.EntityType == "api_tokens" && e.EntityId == id)
            .SingleAsync();
        Assert.Equal("token-created", entry.Action);
        Assert.Contains("(redacted)", entry.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiTokenAuthentication.Hash(secret), entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheAccountAndAuditRoutes()
    {
        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        foreach (var operation in new[] { "GetMe", "ListMyTokens", "CreateMyToken", "RevokeMyToken", "RevokePersonToken", "SearchAudit", "VerifyAudit" })
        {
            Assert.Contains($"\"operationId\": \"{operation}\"", document, StringComparison.Ordinal);
        }
    }

    private async Task<int> TokenCountAsync(int personId)
    {
        await using var scope = app.Db();
        return await scope.Db.Set<ApiToken>().CountAsync(t => t.PersonId == personId);
    }

    private async Task<int> LatestTokenIdAsync(int personId)
    {
        await using var scope = app.Db();
        return await scope.Db.Set<ApiToken>().Where(t => t.PersonId == personId).MaxAsync(t => t.Id);
    }

    private async Task SetActiveAsync(int personId, bool active) =>
        await app.WithServicesAsync(async sp =>
        {
            var people = sp.GetRequiredService<PersonService>();
            var outcome = await people.SetActiveAsync(personId, active, (await people.FindAsync(personId))!.Version);
            Assert.True(outcome.IsDone);
            return 0;
        });
}

public sealed class TokenApiOnSqlite(SqliteApp app) : TokenApiTests(app), IClassFixture<SqliteApp>;

public sealed class TokenApiOnPostgreSql(PostgreSqlApp app) : TokenApiTests(app), IClassFixture<PostgreSqlApp>;
