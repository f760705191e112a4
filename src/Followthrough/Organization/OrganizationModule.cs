using Followthrough.Organization.Import;
using Followthrough.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Organization;

/// <summary>Units and people: the services every entry point shares, and the API under /api/v1.</summary>
internal static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services) =>
        services.AddScoped<DirectoryRevision>().AddScoped<UnitService>().AddScoped<PersonService>().AddScoped<PersonRegistration>()
            .AddScoped(sp => new UnitImporter(sp.GetRequiredService<FollowthroughDb>(), sp.GetRequiredService<UnitService>()))
            .AddScoped<OrganizationDirectory>().AddSingleton<PersonLookup>();

    public static IEndpointRouteBuilder MapOrganizationApi(this IEndpointRouteBuilder api)
    {
        UnitsApi.Map(api);
        PeopleApi.Map(api);
        return api;
    }
}
