using System.Text.Json;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Accounts;

/// <summary>`followthrough users ...` and `followthrough tokens ...`, run in-process on a demo database.</summary>
public abstract class UserCommandsTests(CliDatabase cli)
{
    [Fact]
    public async Task UsersAdd_CreatesPersonAndSignIn_WithAGeneratedPasswordPrintedOnce()
    {
        var name = Unique("wang");

        var result = await cli.RunAsync("users", "add", name, "--name", "王伟", "--name-en", "Wang Wei", "--role", "unitstaff", "--unit", "dl-drc", "--title", "Planning Division");

        Assert.True(result.ExitCode == 0, result.All);
        var password = PrintedPassword(result.Output);
        var signIn = await cli.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().SignInAsync(name, password));
        Assert.True(signIn.Succeeded);
        Assert.Equal(Role.UnitStaff, signIn.Person!.Role);
        Assert.Equal("Wang Wei", signIn.Person.NameEn);
        Assert.Equal("Planning Division", signIn.Person.Title);
        Assert.Equal(await UnitIdAsync("DL-DRC"), signIn.Person.UnitId);
    }

    [Fact]
    public async Task UsersAdd_WithAGivenPassword_PrintsNoPassword()
    {
        var name = Unique("li");
        var result = await cli.RunAsync("users", "add", name, "--name", "李", "--role", "CITIZEN", "--password", "a-chosen-passphrase");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.DoesNotContain("a-chosen-passphrase", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", result.Output, StringComparison.Ordinal);
        Assert.True((await cli.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().SignInAsync(name, "a-chosen-passphrase"))).Succeeded);
    }

    [Fact]
    public async Task UsersAdd_WithATakenUserName_LeavesNothingHalfWritten()
    {
        var people = await CountAsync<Person>();
        var entries = await CountAsync<Followthrough.Audit.AuditEntry>();

        var result = await cli.RunAsync("users", "add", "ADMIN", "--name", "冒名", "--role", "Administrator");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("taken", result.Error, StringComparison.Ordinal);
        Assert.Equal(people, await CountAsync<Person>());
        Assert.Equal(entries, await CountAsync<Followthrough.Audit.AuditEntry>());
        Assert.Equal(0, (await cli.RunAsync("audit", "verify")).ExitCode);
    }

    [Theory]
    [InlineData("--role", "UnitStaff", "--unit", "NO-SUCH-UNIT", "no unit with the code")]
    [InlineData("--role", "UnitStaff", "--title", "x", "--unit")]
    [InlineData("--role", "Mayor", "--title", "x", "Unknown role")]
    [InlineData("--role", "Leader", "--password", "short", "at least 10 characters")]
    public async Task UsersAdd_WithBadInput_ExitsTwo_WithAClearMessage_AndCreatesNobody(string o1, string v1, string o2, string v2, string message)
    {
        var people = await CountAsync<Person>();
        var result = await cli.RunAsync("users", "add", Unique("bad"), "--name", "某人", o1, v1, o2, v2);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(people, await CountAsync<Person>());
    }

    [Fact]
    public async Task ResetPassword_SetsANewOne_AndUnlocks()
    {
        var name = Unique("locked");
        Assert.Equal(0, (await cli.RunAsync("users", "add", name, "--name", "锁", "--role", "Supervisor", "--password", "first-passphrase")).ExitCode);
        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            await cli.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().SignInAsync(name, "wrong-guess"));
        }

        Assert.NotNull((await cli.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().SignInAsync(name, "first-passphrase"))).LockedUntil);

        var result = await cli.RunAsync("users", "reset-password", name);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.True((await cli.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().SignInAsync(name, PrintedPassword(result.Output)))).Succeeded);
        Assert.Equal(2, (await cli.RunAsync("users", "reset-password", Unique("nobody"))).ExitCode);
    }

    [Fact]
    public async Task EndSessions_GivesTheSignInANewStamp_AndAnUnknownNameIsBadInput()
    {
        var name = Unique("ended");
        Assert.Equal(0, (await cli.RunAsync("users", "add", name, "--name", "终", "--role", "Leader", "--password", "first-passphrase")).ExitCode);
        var before = await StampAsync(name);

        var result = await cli.RunAsync("users", "end-sessions", name.ToUpperInvariant());

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"Every session of {name} has ended", result.Output, StringComparison.Ordinal);
        Assert.NotEqual(before, await StampAsync(name));
        var unknown = await cli.RunAsync("users", "end-sessions", Unique("nobody"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no account named", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersList_AsJson_ListsEveryoneWithRoleAndUnit()
    {
        var result = await cli.RunAsync("users", "list", "--json");
        var table = await cli.RunAsync("users", "list");

        Assert.True(result.ExitCode == 0, result.All);
        var users = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        var drc = users.Single(u => u.GetProperty("userName").GetString() == "drc");
        Assert.Equal("UnitStaff", drc.GetProperty("role").GetString());
        Assert.Equal("DL-DRC", drc.GetProperty("unit").GetString());
        Assert.Contains(users, u => u.GetProperty("userName").GetString() == "citizen" && u.GetProperty("unit").ValueKind == JsonValueKind.Null);
        Assert.Contains("supervisor", table.Output, StringComparison.Ordinal);
        Assert.Contains("王芳", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountDirectory_FindsOneSignInByUserName_InAnyCase_AsTheListShowsIt()
    {
        var found = await cli.WithServicesAsync(sp => sp.GetRequiredService<AccountDirectory>().FindAsync("  DRC "));
        var listed = (await cli.WithServicesAsync(sp => sp.GetRequiredService<AccountDirectory>().ListAsync())).Single(a => a.UserName == "drc");
        var none = await cli.WithServicesAsync(sp => sp.GetRequiredService<AccountDirectory>().FindAsync(Unique("nobody")));

        Assert.Equal(listed, found);
        Assert.Equal("DL-DRC", found!.UnitCode);
        Assert.Equal(Role.UnitStaff, found.Role);
        Assert.Null(none);
    }

    [Fact]
    public async Task TokensCreate_PrintsAWorkingSecret_AndRevokeStopsIt()
    {
        var result = await cli.RunAsync("tokens", "create", "--user", "STB", "--name", "nightly export", "--expires", "2099-01-01");
        Assert.True(result.ExitCode == 0, result.All);
        var secret = result.Output.Split(' ', '\n').Single(w => w.StartsWith("ft_", StringComparison.Ordinal)).Trim();
        var token = await FindAsync(secret);
        Assert.Equal(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), token!.ExpiresAt);
        Assert.Equal("nightly export", token.Name);

        Assert.Equal(2, (await cli.RunAsync("tokens", "revoke", "--user", "drc", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExitCode);
        var revoke = await cli.RunAsync("tokens", "revoke", "--user", "stb", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(revoke.ExitCode == 0, revoke.All);
        Assert.NotNull((await FindAsync(secret))!.RevokedAt);
    }

    [Theory]
    [InlineData("--user", "nobody-at-all", "--expires", "2099-01-01", "no user named")]
    [InlineData("--user", "stb", "--expires", "2001-01-01", "must be in the future")]
    [InlineData("--user", "stb", "--expires", "01/02/2099", "YYYY-MM-DD")]
    public async Task TokensCreate_WithBadInput_ExitsTwo(string o1, string v1, string o2, string v2, string message)
    {
        var result = await cli.RunAsync("tokens", "create", "--name", "x", o1, v1, o2, v2);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private static string Unique(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 9)];

    private static string PrintedPassword(string output)
    {
        var line = output.Split('\n').Single(l => l.StartsWith("Password (shown only now): ", StringComparison.Ordinal));
        return line["Password (shown only now): ".Length..].Trim();
    }

    private Task<int> CountAsync<T>() where T : class =>
        cli.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<T>().CountAsync());

    private Task<int?> UnitIdAsync(string code) =>
        cli.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<Unit>().Where(u => u.Code == code).Select(u => (int?)u.Id).SingleAsync());

    private Task<string> StampAsync(string name) =>
        cli.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<Account>().Where(a => a.UserName == name).Select(a => a.SecurityStamp).SingleAsync());

    private Task<ApiToken?> FindAsync(string secret)
    {
        var hash = ApiTokenAuthentication.Hash(secret);
        return cli.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<ApiToken>().SingleOrDefaultAsync(t => t.TokenHash == hash));
    }
}

public sealed class UserCommandsOnSqlite(SqliteCliDatabase cli) : UserCommandsTests(cli), IClassFixture<SqliteCliDatabase>;

public sealed class UserCommandsOnPostgreSql(PostgreSqlCliDatabase cli) : UserCommandsTests(cli), IClassFixture<PostgreSqlCliDatabase>;
