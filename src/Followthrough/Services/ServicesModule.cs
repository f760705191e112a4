using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Followthrough.Services.Delivery;
using Followthrough.Services.Materials;
using Followthrough.Storage;
using Followthrough.Services.Duties;
using Followthrough.Calendar;
using Followthrough.Services.Rules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Services;

internal static class ServicesModule
{
    /// <summary>Government services (一网通办): the legal clock (<see cref="ServiceClock"/>) and the catalogue of items
    /// (<see cref="ServiceCatalogue"/>) and applications (<see cref="ServiceApplications"/>).</summary>
    public static IServiceCollection AddServices(this IServiceCollection services)
    {
        services.AddOptions<ServicesOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(ServicesOptions.Section).Bind(options));
        services.AddSingleton<ServiceClock>();
        services.AddScoped<ServiceCatalogue>();
        services.AddScoped<CatalogueTransfer>();
        services.AddScoped<ServiceApplications>();
        services.AddScoped<Bundles.ServiceBundles>();
        services.AddScoped<Bundles.BundleApplications>();
        services.AddScoped<DecisionDocuments>();
        services.AddSingleton(provider => new MaterialStore(
            DatabaseSettings.DataFolder(provider.GetService<IConfiguration>() ?? new ConfigurationBuilder().AddEnvironmentVariables().Build())));
        services.AddScoped<ApplicantMaterials>();
        services.AddScoped<UnitDuties>();
        services.AddScoped<ApplicationClockSteps>();
        services.AddScoped<ICalendarChangeObserver, DueDatesAfterCalendarChange>();
        services.AddScoped<AutoApproval>();
        services.AddScoped<Supervision.ISupervisedWork, ApplicationsDue>();
        services.AddScoped<ApplicationReviews>();
        services.AddScoped<Supervision.ISupervisedWork, ReviewStepsDue>();
        services.AddScoped(sp => new Figures.ServiceFigures(sp.GetRequiredService<Storage.FollowthroughDb>(), sp.GetRequiredService<Organization.OrganizationDirectory>()));
        services.AddScoped<Evaluation.IBulletinSection, Figures.ServiceFiguresInBulletin>();
        return services;
    }

    /// <summary>/api/v1/services: the catalogue is public to read; administrators and the supervision office keep it.</summary>
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder api)
    {
        CatalogueFileApi.Map(api); // before /{id}: export and import are words, not ids
        CatalogueApi.Map(api);
        MaterialsApi.Map(api); // before ApplicationsApi: with-materials is a word, not an id
        ApplicationsApi.Map(api);
        Bundles.BundlesApi.Map(api);
        DeliveryApi.Map(api);
        ApplicationClockApi.Map(api);
        ApplicationReviewsApi.Map(api);
        DutiesApi.Map(api);
        RulesApi.Map(api);
        Figures.FiguresApi.Map(api);
        return api;
    }
}
