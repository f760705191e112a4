using System.Net;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Accounts;

/// <summary>The sign-in form, lock-out, anti-forgery, and a session that ends when the person's standing changes.</summary>
public abstract class SignInTests(AppFixture app)
{
    private const string Wrong = "definitely-not-it";

    [Fact]
    public async Task SignIn_WithTheRightPassword_GivesASession()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        var client = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/tokens")).StatusCode);
        Assert.Contains(user.UserName, await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_AndEvenTheRightOneIsRefusedUntilThen()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        var client = app.BrowserClient();

        for (var attempt = 1; attempt < AccountService.MaxFailedAttempts; attempt++)
        {
            var html = await SignInPageAsync(client, user.UserName, Wrong);
            Assert.Contains("The user name or password is wrong.", html, StringComparison.Ordinal);
        }

        var fifth = await SignInPageAsync(client, user.UserName, Wrong);
        var rightButLocked = await SignInPageAsync(client, user.UserName, AppFixture.Password);

        Assert.Contains("data-locked=\"true\"", fifth, StringComparison.Ordinal);
        Assert.Contains("Too many failed attempts", fifth, StringComparison.Ordinal);
        Assert.Contains("Too many failed attempts", rightButLocked, StringComparison.Ordinal);
        await using var scope = app.Db();
        var account = await scope.Db.Set<Account>().SingleAsync(a => a.PersonId == user.PersonId);
        Assert.True(account.LockedUntil > DateTime.UtcNow.AddMinutes(10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task LockedOutInChinese_SaysSoInChinese()
    {
        var user = await app.CreateUserAsync(Role.Citizen);
        var client = app.BrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        string html = "";
        for (var attempt = 0; attempt < AccountService.MaxFailedAttempts; attempt++)
        {
            html = await SignInPageAsync(client, user.UserName, Wrong);
        }

        Assert.Contains("失败次数过多", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUserName_GetsTheSameAnswers_AsAWrongPassword_IncludingTheLockOut()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        var unknown = $"nobody-{Guid.NewGuid():N}"[..20];
        var client = app.BrowserClient();

        var answersForReal = new List<string>();
        var answersForUnknown = new List<string>();
        for (var attempt = 0; attempt < AccountService.MaxFailedAttempts + 1; attempt++)
        {
            answersForReal.Add(ErrorOf(await SignInPageAsync(client, user.UserName, Wrong)));
            answersForUnknown.Add(ErrorOf(await SignInPageAsync(client, unknown, Wrong)));
        }

        // Lock-out times may differ by the minute they were reached, so compare the answers without them.
        Assert.Equal(answersForReal.Select(WithoutTime), answersForUnknown.Select(WithoutTime));
        Assert.Contains("Too many failed attempts", answersForUnknown[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeactivatedPerson_CannotSignIn_AndTheAnswerIsTheUsualOne()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        await SetAsync(user.PersonId, p => p.IsActive = false);
        var html = await SignInPageAsync(app.BrowserClient(), user.UserName, AppFixture.Password);
        Assert.Contains("The user name or password is wrong.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sign-in", false)]
    [InlineData("/sign-out", true)]
    [InlineData("/language", false)]
    [InlineData("/account/tokens", true)]
    [InlineData("/account/password", true)]
    [InlineData("/audit?handler=verify", true)]
    public async Task PostWithoutAntiforgeryToken_IsRejectedWith400(string path, bool signedIn)
    {
        var client = signedIn ? await app.SignInAsync(await app.CreateUserAsync(Role.Administrator)) : app.BrowserClient();
        await client.GetAsync("/sign-in"); // the anti-forgery cookie alone is not enough without the form field

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = "whatever-it-is",
            ["Name"] = "token",
            ["CurrentPassword"] = AppFixture.Password,
            ["NewPassword"] = "a-new-password-1",
            ["ConfirmPassword"] = "a-new-password-1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RoleChanged_TheSessionEndsAtTheNextRequest()
    {
        var user = await app.CreateUserAsync(Role.Supervisor, "DL-SUP");
        var client = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await SetAsync(user.PersonId, p => p.Role = Role.Citizen);

        var page = await client.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PersonDeactivated_TheSessionEndsAtTheNextRequest()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var client = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/tokens")).StatusCode);

        await SetAsync(user.PersonId, p => p.IsActive = false);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task UnitChanged_TheSessionEndsAtTheNextRequest()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-EEB");
        var client = await app.SignInAsync(user);
        var otherUnit = await app.UnitIdAsync("DL-FIN");

        await SetAsync(user.PersonId, p => p.UnitId = otherUnit);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Leader));
        var response = await client.PostFormAsync("/account/tokens", [], "/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ReturnUrl_LeadsBackAfterSigningIn_ButNeverOffSite()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        var local = await app.BrowserClient().PostFormAsync("/sign-in?ReturnUrl=%2Faudit",
            new() { ["UserName"] = user.UserName, ["Password"] = AppFixture.Password, ["ReturnUrl"] = "/audit" }, "/sign-in");
        var offSite = await app.BrowserClient().PostFormAsync("/sign-in",
            new() { ["UserName"] = user.UserName, ["Password"] = AppFixture.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal("/audit", local.Headers.Location?.OriginalString);
        Assert.Equal("/", offSite.Headers.Location?.OriginalString);
    }

    private static async Task<string> SignInPageAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string ErrorOf(string html)
    {
        var start = html.IndexOf("id=\"sign-in-error\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows no sign-in error");
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    private static string WithoutTime(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\d\d:\d\d", "HH:mm");

    /// <summary>Changes the person as the people pages do (through Organization, which keeps the sign-in's standing).</summary>
    private async Task SetAsync(int personId, Action<Person> change) =>
        await app.WithServicesAsync(async sp =>
        {
            var people = sp.GetRequiredService<PersonService>();
            var person = (await people.FindAsync(personId))!;
            var wasActive = person.IsActive;
            change(person);
            var outcome = person.IsActive != wasActive
                ? await people.SetActiveAsync(personId, person.IsActive, person.Version)
                : await people.UpdateAsync(personId, new PersonInput(person.NameZh, person.NameEn, person.Title, person.Role.ToString(), person.UnitId, null, person.Email, person.Phone), person.Version);
            Assert.True(outcome.IsDone);
            return 0;
        });
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInOnPostgreSql(PostgreSqlApp app) : SignInTests(app), IClassFixture<PostgreSqlApp>;
