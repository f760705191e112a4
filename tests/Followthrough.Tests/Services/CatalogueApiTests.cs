using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Services.Catalogue;
using Followthrough.Tests.Infrastructure;
using static Followthrough.Tests.Services.CatalogueSamples;

namespace Followthrough.Tests.Services;

/// <summary>/api/v1/services/items on both databases: public reads, maintainers' writes, problem details for every refusal.</summary>
public abstract class CatalogueApiTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Maintainer_CreatesUpdatesAndWithdraws_AnonymousReadsEveryVersion()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor);
        var unit = await app.UnitIdAsync("DL-BEB");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var created = await supervisor.PostAsJsonAsync("/api/v1/services/items", Item(unit, nameZh: $"户外广告设施设置许可{tag}", nameEn: $"Outdoor advertising permit {tag}"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var item = (await created.Content.ReadFromJsonAsync<ServiceItemEntry>(Json))!;

        var anonymous = app.AnonymousClient();
        var found = await anonymous.GetFromJsonAsync<Paged<ServiceItemEntry>>($"/api/v1/services/items?q=广告设施&unitId={unit}&level=Online", Json);
        Assert.Contains(found!.Items, i => i.Id == item.Id);

        var noVersion = await supervisor.PutAsJsonAsync($"/api/v1/services/items/{item.Id}", Item(unit, item.Code));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);

        var body = Item(unit, item.Code, nameZh: $"户外广告设施设置许可{tag}", nameEn: $"Outdoor advertising facility permit {tag}", committed: 2);
        var updated = await supervisor.PutAsJsonAsync($"/api/v1/services/items/{item.Id}", Request(body, version: 1));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);

        var stale = await supervisor.PutAsJsonAsync($"/api/v1/services/items/{item.Id}", Request(body with { CommittedDays = 1 }, version: 1));
        var staleProblem = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(2, staleProblem.GetProperty("currentVersion").GetInt32());

        var withdrawn = await supervisor.PostAsJsonAsync($"/api/v1/services/items/{item.Id}/withdraw", new { version = 2, reason = "Replaced by a notification" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var changeWithdrawn = await supervisor.PutAsJsonAsync($"/api/v1/services/items/{item.Id}", Request(body, version: 3));
        await ProblemAsync(changeWithdrawn, HttpStatusCode.Conflict);

        var versions = await anonymous.GetFromJsonAsync<List<ServiceItemVersionEntry>>($"/api/v1/services/items/{item.Id}/versions", Json);
        Assert.Equal(["created", "updated", "withdrawn"], versions!.Select(v => v.Change));
        var first = await anonymous.GetFromJsonAsync<ServiceItemVersionEntry>($"/api/v1/services/items/{item.Id}/versions/1", Json);
        Assert.Equal(5, first!.Item.CommittedDays);
        var now = await anonymous.GetAsync($"/api/v1/services/items/{item.Id}");
        Assert.Equal("\"3\"", now.Headers.ETag?.Tag);
        Assert.True((await now.Content.ReadFromJsonAsync<ServiceItemEntry>(Json))!.Withdrawn);

        var hidden = await anonymous.GetFromJsonAsync<Paged<ServiceItemEntry>>($"/api/v1/services/items?q={tag}", Json);
        Assert.DoesNotContain(hidden!.Items, i => i.Id == item.Id);
    }

    [Fact]
    public async Task BadFields_AnswerAValidationProblem_WithEveryField()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var response = await admin.PostAsJsonAsync("/api/v1/services/items", new
        {
            code = "",
            nameZh = "测试",
            nameEn = "Test",
            unitId = 999999,
            kind = "Licence",
            statutoryDays = 0,
            committedDays = 1,
            level = "Fast",
            visits = 2,
            fee = 0,
        });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["code", "committedDays", "kind", "level", "statutoryDays", "visits"], fields);

        var wrongType = await admin.PostAsync("/api/v1/services/items", new StringContent("{\"unitId\": \"seven\"}", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAsync(wrongType, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnitStaff_MayNotChangeTheCatalogue_AndUnknownItemsAre404()
    {
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        var refused = await staff.PostAsJsonAsync("/api/v1/services/items", Item(await app.UnitIdAsync("DL-DRC")));
        await ProblemAsync(refused, HttpStatusCode.Forbidden);
        await ProblemAsync(await app.AnonymousClient().GetAsync("/api/v1/services/items/987654"), HttpStatusCode.NotFound);
        await ProblemAsync(await app.AnonymousClient().GetAsync("/api/v1/services/items?pageSize=5000"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCatalogueRoutes()
    {
        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/v1/services/items", "/api/v1/services/items/{id}", "/api/v1/services/items/{id}/withdraw", "/api/v1/services/items/{id}/versions/{version}" })
        {
            Assert.Contains($"\"{route}\"", document, StringComparison.Ordinal);
        }
    }

    private static ServiceItemRequest Request(ServiceItemInput input, int version) => new(
        input.Code, input.NameZh, input.NameEn, input.UnitId, input.Kind, input.LegalBasis, input.StatutoryDays, input.CommittedDays,
        input.Level, input.Visits, input.Materials, input.Fee, input.LifeEvents, input.AutoDecidable, version);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}

public sealed class CatalogueApiOnSqlite(SqliteApp app) : CatalogueApiTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogueApiOnPostgreSql(PostgreSqlApp app) : CatalogueApiTests(app), IClassFixture<PostgreSqlApp>;
