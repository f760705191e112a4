using System.Net;
using System.Net.Http.Json;
using System.Text;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Security;

/// <summary>
/// Rate limits (issue 14), in a host with low limits (<see cref="LimitedApp"/>): sign-in per client address and per
/// user name, a lock-out that holds only for the address that earned it, and the expensive endpoints; each answers
/// 429 with Retry-After. Every test uses addresses and people of its own.
/// </summary>
public abstract class RateLimitTests(LimitedApp app)
{
    private const string Wrong = "definitely-not-it";

    [Fact]
    public async Task SignIn_FromOneAddress_PastTheLimit_Is429WithRetryAfter()
    {
        var address = NewAddress();
        var client = new RawSession(RawSession.NewClient(app));
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var response = await client.PostFormAsync("/sign-in", Form($"nobody-{attempt}-{Guid.NewGuid():N}"[..20], Wrong), each: TestClientAddress.From(address));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var refused = await client.PostFormAsync("/sign-in", Form("someone-else", Wrong), each: TestClientAddress.From(address));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_OnOneUserName_FromManyAddresses_PastTheLimit_Is429()
    {
        var user = await app.CreateUserAsync(Role.Leader);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var response = await new RawSession(RawSession.NewClient(app)).PostFormAsync("/sign-in", Form(user.UserName, Wrong + attempt), each: TestClientAddress.From(NewAddress()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var refused = await new RawSession(RawSession.NewClient(app)).PostFormAsync("/sign-in", Form(user.UserName, AppFixture.Password), each: TestClientAddress.From(NewAddress()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task FiveWrongPasswordsFromOneAddress_LockThatAddressOut_ButNotThePersonOnTheirOwnMachine()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        var stranger = NewAddress();
        var answers = new List<string>();
        var names = app.Factory.Services.GetRequiredService<UnknownUserNames>();
        for (var attempt = 0; attempt < AccountService.MaxFailedAttempts; attempt++)
        {
            await using var scope = app.Db();
            var result = await new AccountService(scope.Db, names, new OrganizationDirectory(scope.Db), new PersonRegistration(scope.Db)).SignInAsync(user.UserName, Wrong, stranger);
            answers.Add(result.LockedUntil is null ? "wrong" : "locked");
        }

        await using var check = app.Db();
        var fromStranger = await new AccountService(check.Db, names, new OrganizationDirectory(check.Db), new PersonRegistration(check.Db)).SignInAsync(user.UserName, AppFixture.Password, stranger);
        var account = await check.Db.Set<Account>().AsNoTracking().SingleAsync(a => a.PersonId == user.PersonId);

        Assert.Equal(["wrong", "wrong", "wrong", "wrong", "locked"], answers);
        Assert.False(fromStranger.Succeeded);
        Assert.NotNull(fromStranger.LockedUntil);
        Assert.NotNull(account.LockedUntil); // recorded on the account, and audited as "locked-out"
        var fromOwner = await new AccountService(check.Db, names, new OrganizationDirectory(check.Db), new PersonRegistration(check.Db)).SignInAsync(user.UserName, AppFixture.Password, NewAddress());
        Assert.True(fromOwner.Succeeded);
    }

    [Fact]
    public async Task Imports_PastTheLimit_Are429WithRetryAfterAndAProblem()
    {
        using var client = await app.ApiClientAsync(Role.Supervisor);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var response = await client.PostAsync("/api/v1/tasks/import", Csv());
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        var refused = await client.PostAsync("/api/v1/tasks/import", Csv());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Try again in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var someoneElse = await app.ApiClientAsync(Role.Supervisor);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await someoneElse.PostAsync("/api/v1/tasks/import", Csv())).StatusCode);
    }

    [Fact]
    public async Task TaskList_AsJson_IsNotLimited_ButItsFileExportIs()
    {
        using var client = await app.ApiClientAsync(Role.Supervisor);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tasks/lists/tasks?pageSize=1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tasks/lists/tasks?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tasks/lists/tasks?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/tasks/lists/tasks?format=csv")).StatusCode);
    }

    private static Dictionary<string, string> Form(string userName, string password) => new() { ["UserName"] = userName, ["Password"] = password };

    private static string NewAddress() => $"10.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}";

    private static MultipartFormDataContent Csv() =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes("title\nnot a real import\n")), "file", "tasks.csv" } };
}

public sealed class RateLimitsOnSqlite(LimitedSqliteApp app) : RateLimitTests(app), IClassFixture<LimitedSqliteApp>;

public sealed class RateLimitsOnPostgreSql(LimitedPostgreSqlApp app) : RateLimitTests(app), IClassFixture<LimitedPostgreSqlApp>;
