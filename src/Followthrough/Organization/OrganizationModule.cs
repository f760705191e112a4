using Followthrough.Organization.Import;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Organization;

/// <summary>Units and people: the services every entry point shares, and the API under /api/v1.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services) =>
        services.AddScoped<DirectoryRevision>().AddScoped<UnitService>().AddScoped<PersonService>().AddScoped<PersonRegistration>().AddScoped<UnitImporter>()
            .AddScoped<OrganizationDirectory>().AddSingleton<PersonLookup>();

    public static IEndpointRouteBuilder MapOrganizationApi(this IEndpointRouteBuilder api)
    {
        UnitsApi.Map(api);
        PeopleApi.Map(api);
        return api;
    }
}
