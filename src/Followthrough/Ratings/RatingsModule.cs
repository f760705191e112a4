using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Ratings;

internal static class RatingsModule
{
    /// <summary>Citizen ratings (好差评): one rating per decided application, and the rectification of bad ones.</summary>
    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddOptions<RatingsOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(RatingsOptions.Section).Bind(options));
        return services;
    }

    /// <summary>/api/v1/ratings.</summary>
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder api) => api;
}
