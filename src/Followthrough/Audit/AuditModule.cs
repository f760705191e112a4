using Followthrough.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Followthrough.Audit;

/// <summary>
/// The audit trail's services and API. The trail itself is written on every save of the context by
/// <see cref="AuditInterceptor"/>, which the storage module's context pool picks up as an <see cref="IInterceptor"/>.
/// </summary>
internal static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        // The command line reads the same Followthrough__Audit__... variables when it has no configuration of its own.
        services.AddSingleton(provider =>
        {
            var options = new AuditOptions();
            (provider.GetService<IConfiguration>() ?? new ConfigurationBuilder().AddEnvironmentVariables().Build())
                .GetSection(AuditOptions.Section).Bind(options);
            return options;
        });
        services.AddSingleton(provider => new AuditKeyRing(provider.GetRequiredService<AuditOptions>()));
        services.AddHostedService(provider => new AuditKeyStartup(
            provider.GetRequiredService<AuditKeyRing>(), provider.GetRequiredService<ILogger<AuditKeyStartup>>())); // the web host only
        services.AddSingleton<IInterceptor>(provider => new AuditInterceptor(provider.GetRequiredService<AuditKeyRing>()));
        services.AddScoped<AuditTrail>();
        services.AddScoped(provider => new AuditVerifier(provider.GetRequiredService<FollowthroughDb>(), provider.GetRequiredService<AuditKeyRing>()));
        services.AddScoped(provider => new AuditKeyRotation(provider.GetRequiredService<FollowthroughDb>(), provider.GetRequiredService<AuditKeyRing>()));
        services.AddScoped(provider => new AuditCheckpoints(
            provider.GetRequiredService<FollowthroughDb>(), provider.GetRequiredService<AuditKeyRing>(),
            provider.GetRequiredService<AuditOptions>(), provider.GetServices<IAuditCheckpointOutlet>()));
        services.AddScoped(provider => new AuditReconciliation(provider.GetRequiredService<FollowthroughDb>()));
        return services;
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api) => AuditApi.Map(api);
}
