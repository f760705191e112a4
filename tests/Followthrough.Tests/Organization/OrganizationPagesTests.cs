using System.Net;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Organization;

/// <summary>The server-rendered unit and people pages, driven like a browser through the real sign-in form.</summary>
public abstract class OrganizationPagesTests(AppFixture app)
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private async Task<Unit> NewUnitAsync(string? parentCode = "DL-GOV")
    {
        var input = new UnitInput(OrganizationApi.NewCode("P"), "页面测试单位", "Page test unit", "Bureau", ParentCode: parentCode, Aliases: ["页测"]);
        var outcome = await app.WithServicesAsync(sp => sp.GetRequiredService<UnitService>().CreateAsync(input));
        return outcome.Value!;
    }

    [Fact]
    public async Task Administrator_OpensEveryOrganizationPage()
    {
        var admin = await SignedInBrowserClient.CreateAsync(app, Role.Administrator, "DL-GO");
        var drc = await app.UnitIdAsync("DL-DRC");
        var person = admin.User!.PersonId;

        var list = await admin.GetPageAsync("/units");
        Assert.Contains("href=\"/units/new\"", list, StringComparison.Ordinal);
        var unit = await admin.GetPageAsync($"/units/{drc}");
        Assert.Contains("Dalian Municipal Development and Reform Commission", unit, StringComparison.Ordinal);
        Assert.Contains("id=\"history-heading\"", unit, StringComparison.Ordinal);
        Assert.Contains($"href=\"/units/{drc}/edit\"", unit, StringComparison.Ordinal);
        Assert.Contains("name=\"Code\"", await admin.GetPageAsync("/units/new"), StringComparison.Ordinal);
        Assert.Contains("value=\"DL-DRC\"", await admin.GetPageAsync($"/units/{drc}/edit"), StringComparison.Ordinal);
        Assert.Contains("href=\"/people/new\"", await admin.GetPageAsync("/people"), StringComparison.Ordinal);
        var personPage = await admin.GetPageAsync($"/people/{person}");
        Assert.Contains(admin.User.UserName, personPage, StringComparison.Ordinal);
        Assert.Contains("id=\"sign-in-heading\"", personPage, StringComparison.Ordinal);
        Assert.Contains("name=\"NameZh\"", await admin.GetPageAsync("/people/new"), StringComparison.Ordinal);
        Assert.Contains("name=\"Version\"", await admin.GetPageAsync($"/people/{person}/edit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitsList_FindsByAlias_AndShowsParentAndAliases()
    {
        var leader = await SignedInBrowserClient.CreateAsync(app, Role.Leader, "DL-GOV");
        var html = await leader.GetPageAsync($"/units?q={Uri.EscapeDataString("市发改委")}");
        Assert.Contains(">DL-DRC</a>", html, StringComparison.Ordinal);
        Assert.Contains("Dalian Municipal People&#x27;s Government", html, StringComparison.Ordinal); // the parent
        Assert.Contains("市发改委", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">DL-STB</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/units/new\"", html, StringComparison.Ordinal); // not an administrator
    }

    [Fact]
    public async Task UnitPages_InChinese_ShowChineseNamesAndLabels()
    {
        var leader = await SignedInBrowserClient.CreateAsync(app, Role.Leader, "DL-GOV", acceptLanguage: "zh-CN");
        var html = await leader.GetPageAsync($"/units/{await app.UnitIdAsync("DL-DRC")}");
        Assert.Contains("<h1>大连市发展和改革委员会", html, StringComparison.Ordinal);
        Assert.Contains("上级单位", html, StringComparison.Ordinal);
        Assert.Contains("委办局", html, StringComparison.Ordinal);
        Assert.Contains("历史记录", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewUnitForm_WithAnInvalidField_ShowsTheErrorByTheField_AndSavesNothing()
    {
        var admin = await SignedInBrowserClient.CreateAsync(app, Role.Administrator, "DL-GO");
        var response = await admin.PostFormAsync("/units/new", [F("Code", "x"), F("NameZh", "无效单位"), F("NameEn", "Invalid unit"), F("Kind", "Bureau"), F("ParentId", ""), F("Aliases", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\" id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#code\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"code-hint code-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"code-error\">{OrganizationMessages.CodeFormat}", html.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("  ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("value=\"无效单位\"", html, StringComparison.Ordinal); // the input is kept
        Assert.DoesNotContain("aria-invalid=\"true\" aria-describedby=\"nameZh", html, StringComparison.Ordinal);

        await using var scope = app.Db();
        Assert.False(await scope.Db.Set<Unit>().AnyAsync(u => u.NameZh == "无效单位"));
    }

    [Fact]
    public async Task NewUnitForm_Valid_RedirectsToTheNewUnit()
    {
        var admin = await SignedInBrowserClient.CreateAsync(app, Role.Administrator, "DL-GO");
        var code = OrganizationApi.NewCode("NEW");
        var parent = await app.UnitIdAsync("DL-GOV");
        var response = await admin.PostFormAsync("/units/new",
            [F("Code", code.ToLowerInvariant()), F("NameZh", "新建单位"), F("NameEn", "Unit made by the form"), F("Kind", "Zone"), F("ParentId", parent.ToString(System.Globalization.CultureInfo.InvariantCulture)), F("Aliases", "新单位\r\nNU\r\n")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var scope = app.Db();
        var unit = await scope.Db.Set<Unit>().SingleAsync(u => u.Code == code);
        Assert.Equal((UnitKind.Zone, parent, "新单位\nNU"), (unit.Kind, unit.ParentId, unit.Aliases));
        Assert.Equal($"/units/{unit.Id}?done=saved", response.Headers.Location?.OriginalString);
        var page = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Unit made by the form", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditUnitForm_WhenSomeoneElseSavedFirst_SaysSo_KeepsTheInput_AndChangesNothing()
    {
        var admin = await SignedInBrowserClient.CreateAsync(app, Role.Administrator, "DL-GO");
        var unit = await NewUnitAsync();
        var form = await admin.GetPageAsync($"/units/{unit.Id}/edit");
        Assert.Contains("name=\"Version\" value=\"1\"", form, StringComparison.Ordinal);

        // Someone else saves in between.
        var other = await app.WithServicesAsync(sp => sp.GetRequiredService<UnitService>()
            .UpdateAsync(unit.Id, new UnitInput(unit.Code, "别人改的", "Changed by someone else", "Bureau", ParentCode: "DL-GOV"), 1));
        Assert.True(other.IsDone);

        var response = await admin.PostFormAsync($"/units/{unit.Id}/edit",
            [F("Code", unit.Code), F("NameZh", "我改的"), F("NameEn", "My change"), F("Kind", "Bureau"), F("ParentId", ""), F("Aliases", ""), F("Version", "1")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\" id=\"stale\"", html, StringComparison.Ordinal);
        Assert.Contains(OrganizationMessages.Stale, html, StringComparison.Ordinal);
        Assert.Contains("value=\"My change\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Version\" value=\"2\"", html, StringComparison.Ordinal);

        await using var scope = app.Db();
        var stored = await scope.Db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == unit.Id);
        Assert.Equal(("Changed by someone else", 2), (stored.NameEn, stored.Version));
    }

    [Fact]
    public async Task DeactivateButton_RefusesAParentWithActiveSubUnits_ThenDeactivatesTheChild()
    {
        var admin = await SignedInBrowserClient.CreateAsync(app, Role.Administrator, "DL-GO");
        var parent = await NewUnitAsync();
        var child = await NewUnitAsync(parent.Code);

        var refused = await admin.PostFormAsync($"/units/{parent.Id}", [F("Version", "1"), F("Comment", "")], $"/units/{parent.Id}?handler=Deactivate");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("role=\"alert\" id=\"refusal\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await admin.PostFormAsync($"/units/{child.Id}", [F("Version", "1"), F("Comment", "Merged")], $"/units/{child.Id}?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var scope = app.Db();
        Assert.False((await scope.Db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == child.Id)).IsActive);
    }

    [Fact]
    public async Task EditPages_AreForbiddenToOthers_OnTheServer()
    {
        var staff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-DRC");
        var drc = await app.UnitIdAsync("DL-DRC");
        foreach (var path in new[] { "/units/new", $"/units/{drc}/edit", "/people/new", $"/people/{staff.User!.PersonId}/edit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(path)).StatusCode);
        }

        var unitPage = await staff.GetPageAsync($"/units/{drc}");
        Assert.DoesNotContain($"/units/{drc}/edit", unitPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Deactivate", unitPage, StringComparison.Ordinal);

        // A hand-made post with a valid token is refused too.
        var post = await staff.PostFormAsync("/units", [F("Code", "HACK"), F("NameZh", "甲"), F("NameEn", "A"), F("Kind", "Bureau")], "/units/new");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var deactivate = await staff.PostFormAsync($"/units/{drc}", [F("Version", "1")], $"/units/{drc}?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Forbidden, deactivate.StatusCode);

        var enterprise = await SignedInBrowserClient.CreateAsync(app, Role.Enterprise, "DL-RKP");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/people")).StatusCode);

        var anonymous = await SignedInBrowserClient.Anonymous(app).GetAsync("/units");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitStaff_SeeTheirOwnUnitsPeopleOnly()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var stranger = await OrganizationApi.CreatePersonAsync(admin, await app.UnitIdAsync("DL-STB"), nameZh: "别单位的人");
        var colleague = await OrganizationApi.CreatePersonAsync(admin, await app.UnitIdAsync("DL-EEB"), nameZh: "同单位的人");
        var staff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-EEB");

        var list = await staff.GetPageAsync("/people?status=all");
        Assert.Contains($"href=\"/people/{colleague.Id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/people/{stranger.Id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/people/new\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/people/{colleague.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/people/{stranger.Id}")).StatusCode);

        var otherUnitPage = await staff.GetPageAsync($"/units/{await app.UnitIdAsync("DL-STB")}");
        Assert.DoesNotContain("别单位的人", otherUnitPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPersonForm_StaffWithoutUnit_IsAnError_ThenSavesWithAUnit()
    {
        var admin = await SignedInBrowserClient.CreateAsync(app, Role.Administrator, "DL-GO");
        var invalid = await admin.PostFormAsync("/people/new", [F("NameZh", "表单新人"), F("Role", "UnitStaff"), F("UnitId", ""), F("Email", "bad")]);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("id=\"unitId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"email-error\"", html, StringComparison.Ordinal);

        var unit = await app.UnitIdAsync("DL-NRB");
        var valid = await admin.PostFormAsync("/people/new",
            [F("NameZh", "表单新人"), F("NameEn", "Form Newcomer"), F("Title", "Clerk"), F("Role", "UnitStaff"), F("UnitId", unit.ToString(System.Globalization.CultureInfo.InvariantCulture)), F("Email", ""), F("Phone", "")]);
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.StartsWith("/people/", valid.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_AdministratorGivesASignIn_AndResetsThePassword()
    {
        var api = await app.ApiClientAsync(Role.Administrator);
        var person = await OrganizationApi.CreatePersonAsync(api, await app.UnitIdAsync("DL-MSA"));
        var admin = await SignedInBrowserClient.CreateAsync(app, Role.Administrator, "DL-GO");
        var page = $"/people/{person.Id}";
        var userName = $"msa-{Guid.NewGuid():N}"[..16];

        var weak = await admin.PostFormAsync(page, [F("NewUserName", userName), F("NewPassword", "short")], $"{page}?handler=CreateSignIn");
        Assert.Contains("id=\"password-error\"", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await admin.PostFormAsync(page, [F("NewUserName", userName), F("NewPassword", "a-first-long-password")], $"{page}?handler=CreateSignIn");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"<strong>{userName}</strong>", await admin.GetPageAsync(page), StringComparison.Ordinal);

        var reset = await admin.PostFormAsync(page, [F("NewPassword", "a-second-long-password")], $"{page}?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var user = new TestUser(person.Id, userName, Role.UnitStaff, person.UnitId);
        var browser = await SignedInBrowserClient.SignInAsync(app, user, "a-second-long-password");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/people/{person.Id}")).StatusCode);
    }
}

public sealed class OrganizationPagesOnSqlite(SqliteApp app) : OrganizationPagesTests(app), IClassFixture<SqliteApp>;

public sealed class OrganizationPagesOnPostgreSql(PostgreSqlApp app) : OrganizationPagesTests(app), IClassFixture<PostgreSqlApp>;
