using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Followthrough.Ratings;

internal static class RatingsModule
{
    /// <summary>Citizen ratings (好差评): one rating per decided application, and the rectification of bad ones.</summary>
    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddOptions<RatingsOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(RatingsOptions.Section).Bind(options));
        services.AddScoped(p => new Rating.ServiceRatings(p.GetRequiredService<Storage.FollowthroughDb>(), p.GetRequiredService<Services.Applications.ServiceApplications>(),
            p.GetRequiredService<Tasks.TaskLedger>(), p.GetRequiredService<IOptions<RatingsOptions>>()));
        services.AddScoped(p => new Rectification.RatingRectifications(p.GetRequiredService<Storage.FollowthroughDb>(), p.GetRequiredService<Tasks.TaskLedger>()));
        return services;
    }

    /// <summary>/api/v1/ratings.</summary>
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder api)
    {
        RatingsApi.Map(api);
        return api;
    }
}
