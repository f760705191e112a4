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
        services.AddScoped(sp => new Appeals.RatingAppeals(
            sp.GetRequiredService<Storage.FollowthroughDb>(), sp.GetRequiredService<Tasks.IWorkingDayCalendar>(), sp.GetRequiredService<IOptions<RatingsOptions>>()));
        services.AddScoped(sp => new Figures.RatingFigures(
            sp.GetRequiredService<Storage.FollowthroughDb>(), sp.GetRequiredService<Organization.OrganizationDirectory>(), sp.GetRequiredService<Services.Catalogue.ServiceCatalogue>()));
        services.AddScoped(sp => new Publication.RatingPublications(sp.GetRequiredService<Storage.FollowthroughDb>(), sp.GetRequiredService<Figures.RatingFigures>()));
        services.AddScoped<Evaluation.IBulletinSection, Figures.RatingFiguresInBulletin>();
        return services;
    }

    /// <summary>/api/v1/ratings.</summary>
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder api)
    {
        RatingsApi.Map(api);
        Appeals.AppealsApi.Map(api);
        Figures.RatingFiguresApi.Map(api);
        return api;
    }
}
