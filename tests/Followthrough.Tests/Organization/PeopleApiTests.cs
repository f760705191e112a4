using System.Net;
using System.Net.Http.Json;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Organization.OrganizationApi;

namespace Followthrough.Tests.Organization;

public abstract class PeopleApiTests(AppFixture app)
{
    [Fact]
    public async Task Person_CreateReadUpdate_RoundTrips()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var created = await admin.PostAsJsonAsync("/api/v1/people", new
        {
            nameZh = " 李四 ",
            nameEn = "Li Si",
            title = "Deputy director",
            role = "unitstaff",
            unitCode = "dl-stb",
            email = "li.si@example.org",
            phone = "+86 (411) 8888-0000",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = (await created.Content.ReadFromJsonAsync<PersonDto>())!;
        Assert.Equal(("李四", "UnitStaff", "DL-STB", 1, false), (person.NameZh, person.Role, person.UnitCode, person.Version, person.HasSignIn));

        var read = await admin.GetAsync($"/api/v1/people/{person.Id}");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        var put = await admin.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/people/{person.Id}",
            new { nameZh = "李四", nameEn = "Li Si", title = "Director", role = "UnitStaff", unitId = await app.UnitIdAsync("DL-DRC"), email = "" }, 1));
        var updated = (await put.Content.ReadFromJsonAsync<PersonDto>())!;
        Assert.Equal(("Director", "DL-DRC", (string?)null, 2), (updated.Title, updated.UnitCode, updated.Email, updated.Version));
    }

    [Fact]
    public async Task CreatePerson_WithInvalidFields_ReturnsFieldErrors()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var staffWithoutUnit = await FieldErrorsAsync(await admin.PostAsJsonAsync("/api/v1/people", new { nameZh = "王五", role = "UnitStaff" }));
        Assert.Equal([OrganizationMessages.UnitRequiredForStaff], staffWithoutUnit["unitId"]);

        var errors = await FieldErrorsAsync(await admin.PostAsJsonAsync("/api/v1/people", new
        {
            nameZh = "",
            role = "Mayor",
            email = "not an address",
            phone = "call me",
            unitId = 999_999,
        }));
        Assert.Equal(["email", "nameZh", "phone", "role", "unitId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([OrganizationMessages.UnitMissing], errors["unitId"]);

        var unknownCode = await FieldErrorsAsync(await admin.PostAsJsonAsync("/api/v1/people", new { nameZh = "王五", role = "Leader", unitCode = "NO-SUCH-UNIT" }));
        Assert.Equal([OrganizationMessages.UnitMissing], unknownCode["unitCode"]);

        // A leader need not belong to a unit.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/people", new { nameZh = "赵六", role = "Leader" })).StatusCode);
    }

    [Fact]
    public async Task UnitStaff_SeeOnlyTheirOwnUnitsPeople_AndAnotherUnitsPersonIs404()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var drc = await app.UnitIdAsync("DL-DRC");
        var stb = await app.UnitIdAsync("DL-STB");
        var colleague = await CreatePersonAsync(admin, drc);
        var stranger = await CreatePersonAsync(admin, stb);

        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        var seen = await staff.GetFromJsonAsync<Paged<PersonDto>>("/api/v1/people?pageSize=200");
        Assert.NotEmpty(seen!.Items);
        Assert.All(seen.Items, p => Assert.Equal(drc, p.UnitId));
        Assert.Contains(seen.Items, p => p.Id == colleague.Id);
        var askedForOther = await staff.GetFromJsonAsync<Paged<PersonDto>>($"/api/v1/people?unitId={stb}");
        Assert.Equal(0, askedForOther!.Total);

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/people/{colleague.Id}")).StatusCode);
        await ProblemAsync(await staff.GetAsync($"/api/v1/people/{stranger.Id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await staff.GetAsync($"/api/v1/people/{stranger.Id}/history"), HttpStatusCode.NotFound);

        var leader = await app.ApiClientAsync(Role.Leader, "DL-GOV");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/people/{stranger.Id}")).StatusCode);
        var leaderSees = await leader.GetFromJsonAsync<Paged<PersonDto>>($"/api/v1/people?unitId={stb}&role=UnitStaff&pageSize=200");
        Assert.Contains(leaderSees!.Items, p => p.Id == stranger.Id);
        Assert.All(leaderSees.Items, p => Assert.Null(p.UserName)); // user names are for administrators
    }

    [Fact]
    public async Task People_WritesByOthersThanAdministrators_Return403_AndAnonymous401()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var colleague = await CreatePersonAsync(admin, await app.UnitIdAsync("DL-DRC"));
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/people", new { nameZh = "甲", role = "UnitStaff", unitCode = "DL-DRC" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await staff.PutAsJsonAsync($"/api/v1/people/{colleague.Id}", new { nameZh = "甲", role = "UnitStaff", unitCode = "DL-DRC", version = 1 }), HttpStatusCode.Forbidden);
        await ProblemAsync(await staff.PostAsJsonAsync($"/api/v1/people/{colleague.Id}/account", new { userName = "someone", password = "long-enough-password" }), HttpStatusCode.Forbidden);

        var citizen = await app.ApiClientAsync(Role.Citizen);
        await ProblemAsync(await citizen.GetAsync("/api/v1/people"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().PostAsJsonAsync("/api/v1/people", new { nameZh = "甲" })).StatusCode);
    }

    [Fact]
    public async Task UpdatePerson_WithStaleVersion_Returns409_AndChangesNothing()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var person = await CreatePersonAsync(admin, await app.UnitIdAsync("DL-EEB"));
        var body = new { nameZh = "张三", nameEn = "Zhang San", title = "First", role = "UnitStaff", unitCode = "DL-EEB", version = 1 };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/people/{person.Id}", body)).StatusCode);
        await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/people/{person.Id}", body with { title = "Second" }), HttpStatusCode.Conflict);
        await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/people/{person.Id}", new { nameZh = "张三", role = "UnitStaff", unitCode = "DL-EEB" }), HttpStatusCode.PreconditionRequired);

        await using var scope = app.Db();
        var stored = await scope.Db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id);
        Assert.Equal(("First", 2), (stored.Title, stored.Version));
    }

    [Fact]
    public async Task SignIn_AdministratorGivesAndResetsIt_WithoutEverShowingTheHash()
    {
        var admin = await app.ApiClientAsync(Role.Administrator);
        var person = await CreatePersonAsync(admin, await app.UnitIdAsync("DL-FIN"));
        var userName = $"fin-{Guid.NewGuid():N}"[..20];

        var weak = await FieldErrorsAsync(await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/account", new { userName = "x", password = "short" }));
        Assert.Equal(["password", "userName"], weak.Keys.Order(StringComparer.Ordinal));
        await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/account/password", new { password = "another-long-password" }), HttpStatusCode.NotFound);

        var created = await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/account", new { userName = userName.ToUpperInvariant(), password = "first-long-password" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.Equal(new SignInDto(person.Id, userName), await created.Content.ReadFromJsonAsync<SignInDto>());
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal); // the Identity hash format's prefix

        await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/account", new { userName = "other-name", password = "first-long-password" }), HttpStatusCode.Conflict);
        var other = await CreatePersonAsync(admin, await app.UnitIdAsync("DL-FIN"));
        var taken = await FieldErrorsAsync(await admin.PostAsJsonAsync($"/api/v1/people/{other.Id}/account", new { userName, password = "first-long-password" }));
        Assert.Equal([OrganizationMessages.UserNameTaken], taken["userName"]);

        var personText = await admin.GetStringAsync($"/api/v1/people/{person.Id}");
        Assert.Contains($"\"userName\":\"{userName}\"", personText, StringComparison.Ordinal);
        Assert.Contains("\"hasSignIn\":true", personText, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", personText, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/account/password", new { password = "second-long-password" })).StatusCode);
        var signIn = await app.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().SignInAsync(userName, "second-long-password"));
        Assert.True(signIn.Succeeded);
        var weakReset = await FieldErrorsAsync(await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/account/password", new { password = "short" }));
        Assert.Contains("password", weakReset.Keys);
    }

    [Fact]
    public async Task DeactivatedPerson_CannotSignIn_AndAdministratorCannotDeactivateThemselves()
    {
        var adminUser = await app.CreateUserAsync(Role.Administrator, "DL-GO");
        var admin = await app.ApiClientAsync(adminUser);
        await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/people/{adminUser.PersonId}/deactivate", new { version = 1 }), HttpStatusCode.Conflict);

        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-HRS");
        var deactivated = await admin.PostAsJsonAsync($"/api/v1/people/{user.PersonId}/deactivate", new { version = 1, comment = "Left the bureau" });
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        var signIn = await app.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().SignInAsync(user.UserName, AppFixture.Password));
        Assert.False(signIn.Succeeded);

        var history = await admin.GetFromJsonAsync<Paged<HistoryEntryDto>>($"/api/v1/people/{user.PersonId}/history");
        var last = history!.Items[^1];
        Assert.Equal(("deactivated", "Left the bureau"), (last.Action, last.Comment));
        Assert.True(last.Before!.Value.GetProperty("is_active").GetBoolean());
        Assert.False(last.After!.Value.GetProperty("is_active").GetBoolean());
    }
}

public sealed class PeopleApiOnSqlite(SqliteApp app) : PeopleApiTests(app), IClassFixture<SqliteApp>;

public sealed class PeopleApiOnPostgreSql(PostgreSqlApp app) : PeopleApiTests(app), IClassFixture<PostgreSqlApp>;
