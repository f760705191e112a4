using System.Net;
using System.Net.Http.Headers;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Infrastructure;

/// <summary>
/// The real web application (WebApplicationFactory over Program) on a fresh real database, with the demo loaded.
/// One per test class and provider; tests in a class share it, so each test makes its own records.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    private int _counter;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Browser tests need a real socket: the app then runs on Kestrel at <see cref="BaseAddress"/>.</summary>
    protected virtual bool OnKestrel => false;

    public Uri BaseAddress { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Followthrough:Database", Database.ConnectionString);
            web.UseSetting("Followthrough:DataFolder", Database.Folder);
            web.UseSetting("Followthrough:MigrateOnStart", "true");
            web.UseSetting("Followthrough:LoadDemoData", "true");
            web.UseSetting("Followthrough:Supervision:Enabled", "false"); // a test that wants the background run turns it on
            Configure(web);
        });
        if (OnKestrel)
        {
            Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            Factory.StartServer();
            var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            BaseAddress = new Uri(addresses.Addresses.Single());
        }
        else
        {
            _ = Factory.Server; // start now: migrations and demo data run here, not inside the first test
            BaseAddress = Factory.Server.BaseAddress;
        }
    }

    /// <summary>Extra settings for a fixture of its own (e.g. an SMTP server or webhook to deliver to).</summary>
    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Runs code against the app's own services in a fresh scope (acting as "test").</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "test");
        return await work(scope.ServiceProvider);
    }

    /// <summary>A database context of the app's, for arranging and checking records directly.</summary>
    public FollowthroughDbScope Db() => new(Factory.Services.CreateAsyncScope());

    public Task<int> UnitIdAsync(string code) =>
        WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<Unit>().Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    /// <summary>Creates a person with a sign-in (password <see cref="Password"/>) and returns the user name and id.</summary>
    public async Task<TestUser> CreateUserAsync(Role role, string? unitCode = null)
    {
        var userName = $"{role.ToString().ToLowerInvariant()}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";
        return await WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            int? unitId = unitCode is null ? null : await db.Set<Unit>().Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleAsync();
            var person = new Person { NameZh = userName, NameEn = userName, Role = role, UnitId = unitId };
            db.Set<Person>().Add(person);
            await db.SaveChangesAsync();
            var problem = await sp.GetRequiredService<AccountService>().CreateAsync(person.Id, userName, Password);
            Assert.Null(problem);
            return new TestUser(person.Id, userName, role, unitId);
        });
    }

    /// <summary>An HTTP client that calls the API with a fresh personal token of a new user in that role.</summary>
    public async Task<HttpClient> ApiClientAsync(Role role, string? unitCode = null)
    {
        var user = await CreateUserAsync(role, unitCode);
        return await ApiClientAsync(user);
    }

    public async Task<HttpClient> ApiClientAsync(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await WithServicesAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync(user.PersonId, "test", null));
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    public HttpClient AnonymousClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress });
}

public sealed record TestUser(int PersonId, string UserName, Role Role, int? UnitId);

public sealed class FollowthroughDbScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public FollowthroughDb Db { get; } = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

public sealed class SqliteApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The app on a real Kestrel socket (SQLite): for what only a real server does, such as body size limits.</summary>
public sealed class KestrelApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override bool OnKestrel => true;
}
