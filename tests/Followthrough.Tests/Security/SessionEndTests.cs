using System.Net;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Security;

/// <summary>
/// Sessions that end (issue 14): a saved copy of the session cookie stops working after sign-out, a password change
/// in another session, a role change (even one undone) and an administrator's "end all sessions".
/// </summary>
public abstract class SessionEndTests(AppFixture app)
{
    [Fact]
    public async Task SignOut_EndsASavedCopyOfTheCookie_AtOnce()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        var session = await RawSession.SignInAsync(app, user);
        var saved = session.Copy(RawSession.NewClient(app));
        Assert.Equal(HttpStatusCode.OK, (await saved.GetAsync("/api/v1/me")).StatusCode);

        var signOut = await session.PostFormAsync("/", [], "/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await saved.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal("signed-out", await LastAccountActionAsync(user));
    }

    [Fact]
    public async Task PasswordChanged_EndsEveryOtherSession_ButNotTheOneThatChangedIt()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        var other = await RawSession.SignInAsync(app, user);
        var changing = await RawSession.SignInAsync(app, user);

        var response = await changing.PostFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = AppFixture.Password,
            ["NewPassword"] = "a-brand-new-passphrase",
            ["ConfirmPassword"] = "a-brand-new-passphrase",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await changing.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PasswordResetByAnAdministrator_EndsTheSessions()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        var session = await RawSession.SignInAsync(app, user);
        await app.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().SetPasswordAsync(user.UserName, "reset-by-the-admin-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task RoleChangedAndChangedBack_TheOldSessionStaysEnded()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        var session = await RawSession.SignInAsync(app, user);

        await ChangeRoleAsync(user.PersonId, "Citizen");
        await ChangeRoleAsync(user.PersonId, "Supervisor");

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await RawSession.SignInAsync(app, user)).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task AdministratorEndsAllSessions_ThroughTheApi_EveryCopyStops_AndItIsAudited()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var first = await RawSession.SignInAsync(app, user);
        var second = await RawSession.SignInAsync(app, user);
        using var admin = await app.ApiClientAsync(Role.Administrator);

        var response = await admin.DeleteAsync($"/api/v1/people/{user.PersonId}/sessions");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal("sessions-ended", await LastAccountActionAsync(user));
        Assert.Equal(HttpStatusCode.OK, (await (await RawSession.SignInAsync(app, user)).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task EndAllSessions_IsForAdministratorsOnly_AndAPersonWithoutASignInIs404()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        var session = await RawSession.SignInAsync(app, user);
        using var supervisor = await app.ApiClientAsync(Role.Supervisor);
        using var admin = await app.ApiClientAsync(Role.Administrator);
        var withoutSignIn = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Followthrough.Storage.FollowthroughDb>();
            var person = new Person { NameZh = "无登录", Role = Role.Leader };
            db.Set<Person>().Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.DeleteAsync($"/api/v1/people/{user.PersonId}/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/people/{withoutSignIn}/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task AdministratorEndsAllSessions_FromThePersonsPage()
    {
        var user = await app.CreateUserAsync(Role.Citizen);
        var session = await RawSession.SignInAsync(app, user);
        var admin = await RawSession.SignInAsync(app, await app.CreateUserAsync(Role.Administrator));

        var page = await admin.GetAsync($"/people/{user.PersonId}");
        Assert.Contains("End all sessions", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var response = await admin.PostFormAsync($"/people/{user.PersonId}", [], $"/people/{user.PersonId}?handler=EndSessions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("done=sessions-ended", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ACookieWithoutAStamp_FromBeforeTheUpgrade_IsRefused()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        var session = await RawSession.SignInAsync(app, user);
        await using (var scope = app.Db())
        {
            // What migration 0018 did to accounts that existed: a stamp no cookie of theirs carries.
            var account = await scope.Db.Set<Account>().SingleAsync(a => a.PersonId == user.PersonId);
            account.SecurityStamp = Account.NewSecurityStamp();
            await scope.Db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    private Task<int> ChangeRoleAsync(int personId, string role) =>
        app.WithServicesAsync(async sp =>
        {
            var people = sp.GetRequiredService<PersonService>();
            var person = (await people.FindAsync(personId))!;
            var outcome = await people.UpdateAsync(personId, new PersonInput(person.NameZh, person.NameEn, person.Title, role, person.UnitId), person.Version);
            Assert.True(outcome.IsDone);
            return 0;
        });

    private async Task<string> LastAccountActionAsync(TestUser user)
    {
        await using var scope = app.Db();
        var id = user.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await scope.Db.Set<AuditEntry>().Where(e => e.EntityType == "accounts" && e.EntityId == id)
            .OrderByDescending(e => e.Sequence).Select(e => e.Action).FirstAsync();
    }
}

public sealed class SessionEndOnSqlite(SqliteApp app) : SessionEndTests(app), IClassFixture<SqliteApp>;

public sealed class SessionEndOnPostgreSql(PostgreSqlApp app) : SessionEndTests(app), IClassFixture<PostgreSqlApp>;
