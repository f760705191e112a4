using System.Net;
using System.Net.Http.Json;
using System.Text;
using Followthrough.Audit;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;
using static Followthrough.Tests.Organization.OrganizationApi;

namespace Followthrough.Tests.Organization;

public abstract class UnitsApiTests(AppFixture app)
{
    [Fact]
    public async Task Unit_CreateReadUpdateDeactivateReactivate_RoundTrips()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var code = NewCode();
        var created = await admin.PostAsJsonAsync("/api/v1/units", new
        {
            code = $"  {code.ToLowerInvariant()} ",
            nameZh = " 测试局 ",
            nameEn = "Test Bureau",
            kind = "bureau",
            parentCode = "dl-gov",
            aliases = new[] { " 测试 ", "TB", "tb", "", "甲|乙" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var unit = (await created.Content.ReadFromJsonAsync<UnitDto>())!;
        Assert.Equal($"/api/v1/units/{unit.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(code, unit.Code);
        Assert.Equal("测试局", unit.NameZh);
        Assert.Equal("Bureau", unit.Kind);
        Assert.Equal("DL-GOV", unit.ParentCode);
        Assert.Equal(await app.UnitIdAsync("DL-GOV"), unit.ParentId);
        Assert.Equal(["测试", "TB", "甲", "乙"], unit.Aliases);

        var read = await admin.GetAsync($"/api/v1/units/{unit.Id}");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var again = (await read.Content.ReadFromJsonAsync<UnitDto>())!;
        Assert.Equal(unit with { Aliases = [], CreatedAt = default, UpdatedAt = default }, again with { Aliases = [], CreatedAt = default, UpdatedAt = default });
        Assert.Equal(unit.Aliases, again.Aliases);

        var put = await admin.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/units/{unit.Id}",
            new { code, nameZh = "测试局", nameEn = "Test Bureau (renamed)", kind = "Bureau", parentCode = "DL-GO", aliases = new[] { "TB" } }, 1));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var updated = (await put.Content.ReadFromJsonAsync<UnitDto>())!;
        Assert.Equal((2, "Test Bureau (renamed)", "DL-GO"), (updated.Version, updated.NameEn, updated.ParentCode));
        Assert.Equal("\"2\"", put.Headers.ETag?.Tag);

        var deactivated = await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id}/deactivate", new { version = 2, comment = "Merged into another bureau" });
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<UnitDto>())!.IsActive);

        var reactivated = await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id}/reactivate", new { version = 3 });
        var back = (await reactivated.Content.ReadFromJsonAsync<UnitDto>())!;
        Assert.True(back.IsActive);
        Assert.Equal(4, back.Version);
    }

    [Fact]
    public async Task CreateUnit_WithInvalidFields_ReturnsFieldErrors_AndSavesNothing()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var response = await admin.PostAsJsonAsync("/api/v1/units", new
        {
            code = "X",
            nameZh = "  ",
            nameEn = new string('e', 201),
            kind = "Ministry",
            parentId = 999_999,
            aliases = new[] { new string('a', 101) },
        });
        var errors = await FieldErrorsAsync(response);
        Assert.Equal(["aliases", "code", "kind", "nameEn", "nameZh", "parentId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([OrganizationMessages.CodeFormat], errors["code"]);
        Assert.Equal([OrganizationMessages.ParentMissing], errors["parentId"]);

        var missing = await FieldErrorsAsync(await admin.PostAsJsonAsync("/api/v1/units", new { code = "", nameZh = "甲", nameEn = "A" }));
        Assert.Equal([OrganizationMessages.CodeRequired], missing["code"]);
        Assert.Equal([OrganizationMessages.KindRequired], missing["kind"]);

        await using var scope = app.Db();
        Assert.False(await scope.Db.Set<Unit>().AnyAsync(u => u.Code == "X"));
    }

    [Fact]
    public async Task CreateUnit_WithCodeInUse_IsFieldError400_IgnoringCase()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var first = await CreateUnitAsync(admin);
        var response = await admin.PostAsJsonAsync("/api/v1/units", new { code = first.Code.ToLowerInvariant(), nameZh = "重复", nameEn = "Duplicate", kind = "Other" });
        Assert.Equal([OrganizationMessages.CodeTaken], (await FieldErrorsAsync(response))["code"]);

        var other = await CreateUnitAsync(admin);
        var rename = await admin.PutAsJsonAsync($"/api/v1/units/{other.Id}", new { code = first.Code, nameZh = "重复", nameEn = "Duplicate", kind = "Other", version = 1 });
        Assert.Equal([OrganizationMessages.CodeTaken], (await FieldErrorsAsync(rename))["code"]);
    }

    [Fact]
    public async Task UpdateUnit_UnderItselfOrItsDescendant_IsRefused()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var top = await CreateUnitAsync(admin);
        var middle = await CreateUnitAsync(admin, parentId: top.Id);
        var bottom = await CreateUnitAsync(admin, parentId: middle.Id);

        var underGrandchild = await admin.PutAsJsonAsync($"/api/v1/units/{top.Id}", new { code = top.Code, nameZh = "甲", nameEn = "A", kind = "Bureau", parentId = bottom.Id, version = 1 });
        Assert.Equal([OrganizationMessages.ParentCycle], (await FieldErrorsAsync(underGrandchild))["parentId"]);

        var underItself = await admin.PutAsJsonAsync($"/api/v1/units/{middle.Id}", new { code = middle.Code, nameZh = "乙", nameEn = "B", kind = "Bureau", parentCode = middle.Code, version = 1 });
        Assert.Equal([OrganizationMessages.ParentCycle], (await FieldErrorsAsync(underItself))["parentCode"]);

        var underSibling = await admin.PutAsJsonAsync($"/api/v1/units/{bottom.Id}", new { code = bottom.Code, nameZh = "丙", nameEn = "C", kind = "Bureau", parentId = top.Id, version = 1 });
        Assert.Equal(HttpStatusCode.OK, underSibling.StatusCode);
    }

    [Fact]
    public async Task UpdateUnit_WithStaleVersion_Returns409_AndChangesNothing()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var unit = await CreateUnitAsync(admin);
        var first = await admin.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/units/{unit.Id}", new { code = unit.Code, nameZh = "甲", nameEn = "First edit", kind = "Bureau" }, 1));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var entriesBefore = await AuditCountAsync(unit.Id);

        // A second editor still holds version 1, in the header and in the body.
        var stale = await admin.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/units/{unit.Id}", new { code = unit.Code, nameZh = "乙", nameEn = "Second edit", kind = "Zone" }, 1));
        var problem = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(2, ((System.Text.Json.JsonElement)problem.Extensions["currentVersion"]!).GetInt32());
        var staleBody = await admin.PutAsJsonAsync($"/api/v1/units/{unit.Id}", new { code = unit.Code, nameZh = "乙", nameEn = "Second edit", kind = "Zone", version = 1 });
        await ProblemAsync(staleBody, HttpStatusCode.Conflict);
        var staleDeactivate = await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id}/deactivate", new { version = 1 });
        await ProblemAsync(staleDeactivate, HttpStatusCode.Conflict);

        await using var scope = app.Db();
        var stored = await scope.Db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == unit.Id);
        Assert.Equal(("First edit", UnitKind.Bureau, 2, true), (stored.NameEn, stored.Kind, stored.Version, stored.IsActive));
        Assert.Equal(entriesBefore, await AuditCountAsync(unit.Id));
    }

    [Fact]
    public async Task UpdateUnit_WithoutAnyVersion_Returns428()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var unit = await CreateUnitAsync(admin);
        var response = await admin.PutAsJsonAsync($"/api/v1/units/{unit.Id}", new { code = unit.Code, nameZh = "甲", nameEn = "A", kind = "Bureau" });
        await ProblemAsync(response, HttpStatusCode.PreconditionRequired);
        await ProblemAsync(await admin.PostAsync($"/api/v1/units/{unit.Id}/deactivate", null), HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task DeactivateUnit_WithActiveSubUnits_Returns409_UntilTheyAreDeactivated()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var parent = await CreateUnitAsync(admin);
        var child = await CreateUnitAsync(admin, parentId: parent.Id);

        var refused = await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/units/{parent.Id}/deactivate", new { version = 1 }), HttpStatusCode.Conflict);
        Assert.Equal(OrganizationMessages.HasActiveChildren, refused.Title);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/units/{child.Id}/deactivate", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/units/{parent.Id}/deactivate", new { version = 1 })).StatusCode);

        // Now neither a new unit nor the old child may go under the inactive parent.
        var under = await admin.PostAsJsonAsync("/api/v1/units", new { code = NewCode(), nameZh = "丁", nameEn = "D", kind = "Bureau", parentId = parent.Id });
        Assert.Equal([OrganizationMessages.ParentInactive], (await FieldErrorsAsync(under))["parentId"]);
        var reactivateChild = await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/units/{child.Id}/reactivate", new { version = 2 }), HttpStatusCode.Conflict);
        Assert.Equal(OrganizationMessages.ReactivateParentFirst, reactivateChild.Title);
    }

    [Fact]
    public async Task ListUnits_PaginatesAndFilters_ByParentKindActiveAndSearch()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var parent = await CreateUnitAsync(admin);
        var a = await CreateUnitAsync(admin, parentId: parent.Id, kind: "District", nameEn: $"Alpha {marker}", aliases: [$"示范区{marker}"]);
        var b = await CreateUnitAsync(admin, parentId: parent.Id, kind: "Bureau", aliases: [$"Beta-{marker}-Office"]);
        var c = await CreateUnitAsync(admin, parentId: parent.Id, kind: "Bureau");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/units/{c.Id}/deactivate", new { version = 1 })).StatusCode);

        var page1 = await admin.GetFromJsonAsync<Paged<UnitDto>>($"/api/v1/units?parentId={parent.Id}&pageSize=2");
        var page2 = await admin.GetFromJsonAsync<Paged<UnitDto>>($"/api/v1/units?parentId={parent.Id}&pageSize=2&page=2");
        Assert.Equal((3, 2, 1), (page1!.Total, page1.Items.Count, page2!.Items.Count));
        var expectedOrder = new[] { a.Code, b.Code, c.Code }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedOrder, page1.Items.Concat(page2.Items).Select(u => u.Code));
        Assert.All(page1.Items, u => Assert.Equal(parent.Code, u.ParentCode));

        var districts = await admin.GetFromJsonAsync<Paged<UnitDto>>($"/api/v1/units?parentId={parent.Id}&kind=district");
        Assert.Equal([a.Id], districts!.Items.Select(u => u.Id));
        var inactive = await admin.GetFromJsonAsync<Paged<UnitDto>>($"/api/v1/units?parentId={parent.Id}&active=false");
        Assert.Equal([c.Id], inactive!.Items.Select(u => u.Id));

        // The search reaches Chinese aliases, and English text regardless of case, on both databases.
        var chinese = await admin.GetFromJsonAsync<Paged<UnitDto>>($"/api/v1/units?q={Uri.EscapeDataString($"示范区{marker}")}");
        Assert.Equal([a.Id], chinese!.Items.Select(u => u.Id));
        var upper = await admin.GetFromJsonAsync<Paged<UnitDto>>($"/api/v1/units?q={$"BETA-{marker}".ToUpperInvariant()}");
        Assert.Equal([b.Id], upper!.Items.Select(u => u.Id));
        var lowerName = await admin.GetFromJsonAsync<Paged<UnitDto>>($"/api/v1/units?q=alpha%20{marker}");
        Assert.Equal([a.Id], lowerName!.Items.Select(u => u.Id));
        var demoAlias = await admin.GetFromJsonAsync<Paged<UnitDto>>($"/api/v1/units?q={Uri.EscapeDataString("市发改委")}");
        Assert.Equal(["DL-DRC"], demoAlias!.Items.Select(u => u.Code));
    }

    [Fact]
    public async Task ListUnits_WithBadFilters_ReturnsFieldErrors()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var errors = await FieldErrorsAsync(await admin.GetAsync("/api/v1/units?kind=Ministry&active=maybe&page=0&pageSize=1000"));
        Assert.Equal(["active", "kind", "page", "pageSize"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownUnit_Returns404ProblemDetails()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        await ProblemAsync(await admin.GetAsync("/api/v1/units/999999"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.GetAsync("/api/v1/units/999999/history"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/units/999999", new { code = "NOPE", nameZh = "甲", nameEn = "A", kind = "Bureau", version = 1 }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Units_AnswerByRole_401Anonymous_403Outsiders_ReadOnlyForStaff()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/units")).StatusCode);
        var enterprise = await app.ApiClientAsync(Role.Enterprise, "DL-RKP");
        await ProblemAsync(await enterprise.GetAsync("/api/v1/units"), HttpStatusCode.Forbidden);

        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/units?q=DL-")).StatusCode);
        var drc = await app.UnitIdAsync("DL-DRC");
        await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/units", new { code = NewCode(), nameZh = "甲", nameEn = "A", kind = "Bureau" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await staff.PutAsJsonAsync($"/api/v1/units/{drc}", new { code = "DL-DRC", nameZh = "甲", nameEn = "A", kind = "Bureau", version = 1 }), HttpStatusCode.Forbidden);
        await ProblemAsync(await staff.PostAsJsonAsync($"/api/v1/units/{drc}/deactivate", new { version = 1 }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnitHistory_ListsEachChange_WithBeforeAndAfter()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var unit = await CreateUnitAsync(admin, nameEn: "Old name");
        await admin.PutAsJsonAsync($"/api/v1/units/{unit.Id}", new { code = unit.Code, nameZh = "测试单位", nameEn = "New name", kind = "Bureau", version = 1 });
        await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id}/deactivate", new { version = 2, comment = "No longer exists" });

        var history = await admin.GetFromJsonAsync<Paged<HistoryEntryDto>>($"/api/v1/units/{unit.Id}/history");
        Assert.Equal(["created", "updated", "deactivated"], history!.Items.Select(e => e.Action));
        var update = history.Items[1];
        Assert.Equal("Old name", update.Before!.Value.GetProperty("name_en").GetString());
        Assert.Equal("New name", update.After!.Value.GetProperty("name_en").GetString());
        Assert.False(update.After.Value.TryGetProperty("name_zh", out _)); // only what changed
        Assert.Equal("No longer exists", history.Items[2].Comment);
        Assert.StartsWith("administrator", history.Items[2].ActorName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_Returns400ProblemDetails_SayingWhatIsWrong()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var response = await admin.PostAsync("/api/v1/units", new StringContent("{\"code\": \"AB\", nameZh", Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.Detail, StringComparison.Ordinal);

        var wrongType = await admin.PostAsync("/api/v1/units", new StringContent("{\"code\": \"AB\", \"parentId\": \"seven\"}", Encoding.UTF8, "application/json"));
        var typeProblem = await ProblemAsync(wrongType, HttpStatusCode.BadRequest);
        Assert.Contains("parentId", typeProblem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheOrganizationRoutes()
    {
        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/v1/units", "/api/v1/units/{id}", "/api/v1/units/{id}/history", "/api/v1/people/{id}/account/password" })
        {
            Assert.Contains($"\"{route}\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("\"UpdateUnit\"", document, StringComparison.Ordinal);
    }

    private async Task<int> AuditCountAsync(int unitId) =>
        (await app.WithServicesAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AuditTrail>(sp).HistoryAsync("units", unitId))).Count;
}

public sealed class UnitsApiOnSqlite(SqliteApp app) : UnitsApiTests(app), IClassFixture<SqliteApp>;

public sealed class UnitsApiOnPostgreSql(PostgreSqlApp app) : UnitsApiTests(app), IClassFixture<PostgreSqlApp>;
