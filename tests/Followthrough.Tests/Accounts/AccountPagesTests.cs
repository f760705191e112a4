using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Accounts;

/// <summary>The token page and the password page, used through their forms as a person would.</summary>
public abstract partial class AccountPagesTests(AppFixture app)
{
    [Theory]
    [InlineData("/account/tokens")]
    [InlineData("/account/password")]
    public async Task AccountPages_Anonymous_AreSentToSignIn(string path)
    {
        var response = await app.AnonymousClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateToken_ShowsTheSecretOnce_ThenOnlyItsBeginning()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Supervisor));

        var response = await client.PostFormAsync("/account/tokens", new() { ["Name"] = "weekly bulletin", ["ExpiresOn"] = "2099-12-31" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var secret = SecretBlock().Match(html);
        Assert.True(secret.Success, "the new token is not shown in a <code> block");
        Assert.Contains("shown only this once", html, StringComparison.Ordinal);

        var api = app.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var later = await client.GetStringAsync("/account/tokens");
        Assert.Contains("weekly bulletin", later, StringComparison.Ordinal);
        Assert.Contains("2099-12-31", later, StringComparison.Ordinal);
        Assert.Contains(secret.Groups[1].Value[..10], later, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Groups[1].Value, later, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "Name is required.")]
    [InlineData("ok", "2001-01-01", "The expiry must be in the future.")]
    [InlineData("ok", "not-a-date", "Enter the expiry date as YYYY-MM-DD.")]
    public async Task CreateToken_WithBadInput_ShowsTheProblemByTheField_AndCreatesNothing(string name, string expires, string message)
    {
        var user = await app.CreateUserAsync(Role.Citizen);
        var client = await app.SignInAsync(user);

        var response = await client.PostFormAsync("/account/tokens", new() { ["Name"] = name, ["ExpiresOn"] = expires });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains($"class=\"field-error\" id=\"token-{(message.StartsWith("Name", StringComparison.Ordinal) ? "name" : "expires")}-error\">{message}", html, StringComparison.Ordinal);
        await using var scope = app.Db();
        Assert.Equal(0, await scope.Db.Set<ApiToken>().CountAsync(t => t.PersonId == user.PersonId));
    }

    [Fact]
    public async Task RevokeToken_AsksFirst_ThenRevokes()
    {
        var user = await app.CreateUserAsync(Role.UnitStaff, "DL-STB");
        var api = await app.ApiClientAsync(user);
        var client = await app.SignInAsync(user);
        int tokenId;
        await using (var scope = app.Db())
        {
            tokenId = await scope.Db.Set<ApiToken>().Where(t => t.PersonId == user.PersonId).Select(t => t.Id).SingleAsync();
        }

        var confirm = await client.GetStringAsync($"/account/tokens/{tokenId}/revoke");
        Assert.Contains("Revoke the token “test”", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode); // asking changes nothing

        var revoked = await client.PostFormAsync($"/account/tokens/{tokenId}/revoke", []);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("was revoked", await client.GetStringAsync(revoked.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task RevokePage_ForSomeoneElsesToken_IsNotFound()
    {
        var owner = await app.CreateUserAsync(Role.Leader);
        await app.ApiClientAsync(owner);
        int tokenId;
        await using (var scope = app.Db())
        {
            tokenId = await scope.Db.Set<ApiToken>().Where(t => t.PersonId == owner.PersonId).Select(t => t.Id).SingleAsync();
        }

        var client = await app.SignInAsync(await app.CreateUserAsync(Role.Administrator));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/account/tokens/{tokenId}/revoke")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_Works_AndTheOldPasswordStopsWorking()
    {
        var user = await app.CreateUserAsync(Role.Enterprise, "DL-RKP");
        var client = await app.SignInAsync(user);
        const string newPassword = "a-much-better-passphrase";

        var response = await client.PostFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = AppFixture.Password,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });

        Assert.Contains("id=\"password-changed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Db();
        using var unknown = new UnknownUserNames();
        var accounts = new AccountService(scope.Db, unknown, new OrganizationDirectory(scope.Db), new PersonRegistration(scope.Db));
        Assert.True((await accounts.SignInAsync(user.UserName, newPassword)).Succeeded);
        Assert.False((await accounts.SignInAsync(user.UserName, AppFixture.Password)).Succeeded);
    }

    [Theory]
    [InlineData("wrong-current-password", "a-new-passphrase-1", "a-new-passphrase-1", "current", "The current password is wrong.")]
    [InlineData(AppFixture.Password, "short", "short", "new", "The password must be at least 10 characters.")]
    [InlineData(AppFixture.Password, "aaaaaaaaaaaa", "aaaaaaaaaaaa", "new", "The password repeats too few characters.")]
    [InlineData(AppFixture.Password, "a-new-passphrase-1", "a-new-passphrase-2", "confirm", "The two new passwords are not the same.")]
    [InlineData(AppFixture.Password, AppFixture.Password, AppFixture.Password, "new", "The new password must differ from the current one.")]
    public async Task ChangePassword_WithAProblem_SaysWhichField_AndKeepsThePassword(string current, string next, string confirm, string field, string message)
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        var client = await app.SignInAsync(user);

        var response = await client.PostFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = confirm,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"id=\"{field}-error\">{message}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(next, html, StringComparison.Ordinal); // passwords are never echoed back
        await using var scope = app.Db();
        using var unknown = new UnknownUserNames();
        Assert.True((await new AccountService(scope.Db, unknown, new OrganizationDirectory(scope.Db), new PersonRegistration(scope.Db)).SignInAsync(user.UserName, AppFixture.Password)).Succeeded);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPasswordFiveTimes_LocksTheAccount()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        var client = await app.SignInAsync(user);
        var html = "";
        for (var attempt = 0; attempt < AccountService.MaxFailedAttempts; attempt++)
        {
            var response = await client.PostFormAsync("/account/password", new()
            {
                ["CurrentPassword"] = "a-guess-" + attempt,
                ["NewPassword"] = "a-new-passphrase-1",
                ["ConfirmPassword"] = "a-new-passphrase-1",
            });
            html = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Too many failed attempts", html, StringComparison.Ordinal);
        await using var scope = app.Db();
        Assert.NotNull((await scope.Db.Set<Account>().SingleAsync(a => a.PersonId == user.PersonId)).LockedUntil);
    }

    [GeneratedRegex("<code id=\"token-secret\">(ft_[A-Za-z0-9_-]+)</code>")]
    private static partial Regex SecretBlock();
}

public sealed class AccountPagesOnSqlite(SqliteApp app) : AccountPagesTests(app), IClassFixture<SqliteApp>;

public sealed class AccountPagesOnPostgreSql(PostgreSqlApp app) : AccountPagesTests(app), IClassFixture<PostgreSqlApp>;
