using Followthrough.Accounts;
using Followthrough.Web;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Followthrough.Hosting;

/// <summary>
/// What happens before the first request. The embedded default (SQLite under ./data) migrates itself and loads the
/// demo on first start, when the host registered one (<see cref="IDemoData"/>); a configured database is migrated
/// with <c>followthrough migrate</c>, or on start when <c>Followthrough:MigrateOnStart</c> is true. The URL and,
/// once, the demo password are printed.
/// </summary>
public static partial class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Followthrough.Startup");
        var migrate = app.Configuration.GetValue("Followthrough:MigrateOnStart", settings.IsEmbeddedDefault);
        var demo = app.Configuration.GetValue("Followthrough:LoadDemoData", settings.IsEmbeddedDefault);

        if (migrate)
        {
            var applied = await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
            foreach (var migration in applied)
            {
                LogMigrationApplied(logger, migration.Version, migration.Name);
            }

            await AfterMigratingAsync(app.Services);
        }

        DemoCredentials? credentials = null;
        if (demo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<IDemoData>() is { } demoData)
            {
                credentials = await demoData.LoadAsync();
            }
        }

        // The password is printed as soon as it exists, so a failed start (a busy port) cannot lose it.
        if (credentials is not null)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine($"Demo data loaded. Sign in as {string.Join(", ", credentials.UserNames)}");
            Console.Out.WriteLine($"with the password {credentials.Password}  (shown only now; reset it with: followthrough users reset-password admin)");
        }

        app.Lifetime.ApplicationStarted.Register(() => Announce(app, settings));
    }

    /// <summary>
    /// What is filled in code right after migrating, because a migration may not read another module's tables: the
    /// person's standing on sign-ins from before migration 0019 (<see cref="AccountStandings"/>). Quick when nothing is
    /// missing; the web host runs it after migrating on start, <c>followthrough migrate</c> after migrating.
    /// </summary>
    public static async Task AfterMigratingAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "migration");
        await scope.ServiceProvider.GetRequiredService<AccountStandings>().FillMissingAsync(cancellationToken);
    }

    private static void Announce(WebApplication app, DatabaseSettings settings)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.Out.WriteLine();
        Console.Out.WriteLine($"Followthrough is running at {string.Join(", ", addresses)}");
        Console.Out.WriteLine($"Database: {settings.Describe()}");
        Console.Out.WriteLine("Press Ctrl+C to stop.");
        Console.Out.WriteLine();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    private static partial void LogMigrationApplied(ILogger logger, int version, string name);
}
