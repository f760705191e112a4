using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Services;

public static class ServicesModule
{
    /// <summary>Government services (一网通办): the legal clock (<see cref="ServiceClock"/>) and the
    /// catalogue of items (<see cref="ServiceCatalogue"/>).</summary>
    public static IServiceCollection AddServices(this IServiceCollection services)
    {
        services.AddOptions<ServicesOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(ServicesOptions.Section).Bind(options));
        services.AddSingleton<ServiceClock>();
        services.AddScoped<ServiceCatalogue>();
        return services;
    }
}
