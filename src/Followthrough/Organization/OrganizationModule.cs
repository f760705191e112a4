using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Organization;

public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapOrganizationApi(this IEndpointRouteBuilder api) => api;
}
