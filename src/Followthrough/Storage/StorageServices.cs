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
        services.AddDbContext<FollowthroughDb>(options => Configure(options, settings));
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
