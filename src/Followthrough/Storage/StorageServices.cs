using Followthrough.Audit;
using Followthrough.Storage.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Storage;

public static class StorageServices
{
    /// <summary>Registers the database context for the configured provider, the audit actor and the clock.</summary>
    public static IServiceCollection AddFollowthroughStorage(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditActor>();
        services.AddSingleton(new MigrationRunner(settings));
        services.AddSingleton(_ => new DirectSql(settings)); // built by the container, so disposed with it

        // Pooled: a request rents a context whose EF Core services are already built, instead of building them anew
        // (which a busy host, such as one taking a thousand progress reports a second, feels as allocation and as
        // contention on the service provider). The scope names its actor and clock on the rented context.
        services.AddPooledDbContextFactory<FollowthroughDb>(options => Configure(options, settings));
        services.AddScoped(scope => scope.GetRequiredService<IDbContextFactory<FollowthroughDb>>().CreateDbContext()
            .ActingFor(scope.GetRequiredService<AuditActor>(), scope.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(settings.ConnectionString);
        }
        else
        {
            options.UseNpgsql(settings.ConnectionString);
        }
    }
}
