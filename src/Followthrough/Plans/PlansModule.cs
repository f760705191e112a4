using Followthrough.Plans.Api;
using Followthrough.Plans.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Followthrough.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Plans;

/// <summary>Plans and indicators: the Five-Year Plan as a living outline with measured targets and reported actuals.</summary>
internal static class PlansModule
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddSingleton<PlanSnapshotCache>();
        services.AddScoped<PlanOverview>();
        services.AddScoped(sp => new IndicatorStatusReader(sp.GetRequiredService<FollowthroughDb>(), sp.GetRequiredService<PlanOverview>()));
        services.AddScoped<PlanEditor>();
        services.AddScoped<PlanItemEditor>();
        services.AddScoped<IndicatorEditor>();
        services.AddScoped<IndicatorValueService>();
        services.AddScoped<IndicatorEvidenceStore>();
        services.AddScoped(sp => new PlanExporter(sp.GetRequiredService<FollowthroughDb>(), sp.GetRequiredService<PlanOverview>()));
        services.AddScoped<PlanImporter>();
        services.AddScoped<PlanItemLookup>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Plans").RequireAuthorization();
        PlanEndpoints.Map(group);
        ItemEndpoints.Map(group);
        IndicatorEndpoints.Map(group);
        ValueEndpoints.Map(group);
        FileEndpoints.Map(group);
        return api;
    }
}
