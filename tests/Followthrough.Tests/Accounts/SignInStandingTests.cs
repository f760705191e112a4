using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Accounts;
using Followthrough.Hosting;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Accounts;

/// <summary>
/// The person's standing kept on their sign-in (migration 0019): Organization keeps it current through
/// <see cref="IPersonSignIns.KeepStandingAsync"/>, the token and cookie checks read it with the sign-in, and a sign-in
/// without it falls back to Organization's <see cref="PersonLookup"/>.
/// </summary>
public abstract class SignInStandingTests(AppFixture app)
{
    [Fact]
    public async Task ANewSignIn_CarriesItsPersonsStanding()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");

        var account = await AccountAsync(user.PersonId);

        Assert.True(account.HasStanding);
        Assert.Equal((user.UserName, Role.UnitStaff, user.UnitId, true), (account.PersonNameZh, account.PersonRole, account.PersonUnitId, account.PersonIsActive));
    }

    [Fact]
    public async Task RoleAndNameChanged_TheStandingFollows_AndTheTokenSaysSo()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        using var client = await app.ApiClientAsync(user);

        await UpdateAsync(user.PersonId, p => p with { NameZh = "改名", Role = "Leader" });

        var account = await AccountAsync(user.PersonId);
        Assert.Equal(("改名", Role.Leader), (account.PersonNameZh, account.PersonRole));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Leader", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task UnitChanged_TheStandingFollows_AndTheTokenActsForTheNewUnit()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        using var client = await app.ApiClientAsync(user);
        var other = await app.UnitIdAsync("DL-EEB");

        await UpdateAsync(user.PersonId, p => p with { UnitId = other });

        Assert.Equal(other, (await AccountAsync(user.PersonId)).PersonUnitId);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("DL-EEB", me.GetProperty("unit").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Deactivated_TokenAndCookieAreRefusedAtOnce_Reactivated_TheTokenWorksAgain()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        using var client = await app.ApiClientAsync(user);
        var session = await RawSession.SignInAsync(app, user);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

        await SetActiveAsync(user.PersonId, false);

        Assert.False((await AccountAsync(user.PersonId)).PersonIsActive);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);

        await SetActiveAsync(user.PersonId, true);

        Assert.True((await AccountAsync(user.PersonId)).PersonIsActive);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await RawSession.SignInAsync(app, user)).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task WithoutAStanding_TheChecksAskTheDirectory()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        using var client = await app.ApiClientAsync(user);
        var session = await RawSession.SignInAsync(app, user);
        await ForgetStandingAsync(user.PersonId);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("UnitStaff", me.GetProperty("role").GetString());
        Assert.Equal(user.UnitId, me.GetProperty("unit").GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

        // Only the directory knows of this (a change behind the product's back, so no standing was kept): the checks
        // that fell back see it.
        await using (var scope = app.Db())
        {
            await scope.Db.Set<Person>().Where(p => p.Id == user.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task AfterMigrating_AMissingStandingIsFilledFromTheDirectory()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        await ForgetStandingAsync(user.PersonId);
        Assert.False((await AccountAsync(user.PersonId)).HasStanding);

        await DatabaseStartup.AfterMigratingAsync(app.Factory.Services);

        var account = await AccountAsync(user.PersonId);
        Assert.Equal((user.UserName, Role.UnitStaff, user.UnitId, true), (account.PersonNameZh, account.PersonRole, account.PersonUnitId, account.PersonIsActive));
    }

    private async Task<Account> AccountAsync(int personId)
    {
        await using var scope = app.Db();
        return await scope.Db.Set<Account>().AsNoTracking().SingleAsync(a => a.PersonId == personId);
    }

    private async Task ForgetStandingAsync(int personId)
    {
        await using var scope = app.Db();
        await scope.Db.Set<Account>().Where(a => a.PersonId == personId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.PersonNameZh, (string?)null).SetProperty(a => a.PersonRole, (Role?)null)
            .SetProperty(a => a.PersonUnitId, (int?)null).SetProperty(a => a.PersonIsActive, (bool?)null));
    }

    private async Task UpdateAsync(int personId, Func<PersonInput, PersonInput> change) =>
        await app.WithServicesAsync(async sp =>
        {
            var people = sp.GetRequiredService<PersonService>();
            var person = (await people.FindAsync(personId))!;
            var input = change(new PersonInput(person.NameZh, person.NameEn, person.Title, person.Role.ToString(), person.UnitId));
            var outcome = await people.UpdateAsync(personId, input, person.Version);
            Assert.True(outcome.IsDone);
            return 0;
        });

    private async Task SetActiveAsync(int personId, bool active) =>
        await app.WithServicesAsync(async sp =>
        {
            var people = sp.GetRequiredService<PersonService>();
            var outcome = await people.SetActiveAsync(personId, active, (await people.FindAsync(personId))!.Version);
            Assert.True(outcome.IsDone);
            return 0;
        });
}

public sealed class SignInStandingOnSqlite(SqliteApp app) : SignInStandingTests(app), IClassFixture<SqliteApp>;

public sealed class SignInStandingOnPostgreSql(PostgreSqlApp app) : SignInStandingTests(app), IClassFixture<PostgreSqlApp>;
