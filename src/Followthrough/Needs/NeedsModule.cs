using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Needs;

internal static class NeedsModule
{
    /// <summary>Enterprise needs (企业诉求): the facade (<see cref="EnterpriseNeeds"/>), the limits by category on the
    /// working-day calendar, and the open needs handed to the daily supervision run.</summary>
    public static IServiceCollection AddNeeds(this IServiceCollection services)
    {
        services.AddOptions<NeedsOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(NeedsOptions.Section).Bind(options));
        services.AddSingleton<NeedClock>();
        services.AddScoped(sp => new EnterpriseNeeds(
            sp.GetRequiredService<Storage.FollowthroughDb>(), sp.GetRequiredService<Organization.OrganizationDirectory>(), sp.GetRequiredService<NeedClock>()));
        services.AddScoped<Supervision.ISupervisedWork, NeedsDue>();
        return services;
    }
}
