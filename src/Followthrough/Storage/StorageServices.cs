using Followthrough.Storage.Files;
using Followthrough.Storage.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Followthrough.Storage;

internal static class StorageServices
{
    /// <summary>
    /// Registers the database context for the configured provider, the scope's actor and the clock. Every context
    /// saves through the interceptors other modules register as <see cref="IInterceptor"/> (the audit trail's, by
    /// <c>AddAudit</c>), whenever they are registered: the pool's options are built when the first context is rented.
    /// </summary>
    public static IServiceCollection AddFollowthroughStorage(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Actor>();
        services.AddSingleton(new MigrationRunner(settings));
        services.AddSingleton(_ => new HandWrittenSql.RequestReads(settings)); // built by the container, so disposed with it

        // The limits every untrusted file is read under (Followthrough:Files:...; the command line reads Followthrough__Files__...).
        services.AddOptions<FileLimits>().Configure<IServiceProvider>((limits, provider) =>
            (provider.GetService<IConfiguration>() ?? new ConfigurationBuilder().AddEnvironmentVariables().Build())
                .GetSection(FileLimits.Section).Bind(limits));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<FileLimits>>().Value);

        // Pooled: a request rents a context whose EF Core services are already built, instead of building them anew
        // (which a busy host, such as one taking a thousand progress reports a second, feels as allocation and as
        // contention on the service provider). The scope names its actor and clock on the rented context.
        services.AddPooledDbContextFactory<FollowthroughDb>((provider, options) =>
        {
            Configure(options, settings);
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddScoped(scope => scope.GetRequiredService<IDbContextFactory<FollowthroughDb>>().CreateDbContext()
            .ActingFor(scope.GetRequiredService<Actor>(), scope.GetRequiredService<TimeProvider>()));
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
