using System.Net;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Security;

/// <summary>
/// The in-process test server has no client address. This sets one from the <c>X-Test-Client</c> header, before
/// anything else runs, as Kestrel would from the socket; so tests can play several machines.
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } address])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    public static Action<HttpRequestMessage> From(string address) => request => request.Headers.Add(Header, address);
}

/// <summary>The app with low limits (so tests reach them), client addresses, an allowed origin and trusted proxies.</summary>
public abstract class LimitedApp : AppFixture
{
    public const string AllowedOrigin = "https://portal.example.gov.cn";

    protected override void Configure(IWebHostBuilder web)
    {
        ArgumentNullException.ThrowIfNull(web);
        web.UseSetting("Followthrough:RateLimits:SignInPerClient", "4");
        web.UseSetting("Followthrough:RateLimits:SignInPerUserName", "8");
        web.UseSetting("Followthrough:RateLimits:SignInWindowSeconds", "600");
        web.UseSetting("Followthrough:RateLimits:ExpensivePerCaller", "2");
        web.UseSetting("Followthrough:RateLimits:ExpensiveWindowSeconds", "600");
        web.UseSetting("Followthrough:AllowedOrigins:0", AllowedOrigin);
        web.UseSetting("Followthrough:ForwardedHeaders:Enabled", "true");
        web.UseSetting("Followthrough:ForwardedHeaders:KnownProxies", "10.9.9.9");
        web.ConfigureServices(s => s.AddTransient<IStartupFilter, TestClientAddress>());
    }
}

public sealed class LimitedSqliteApp : LimitedApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class LimitedPostgreSqlApp : LimitedApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The app as it runs in production (not Development), where HSTS is sent over HTTPS.</summary>
public sealed class ProductionApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void Configure(IWebHostBuilder web)
    {
        ArgumentNullException.ThrowIfNull(web);
        web.UseEnvironment("Production");
    }
}
