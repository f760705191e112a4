using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddScoped<AuditTrail>();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api) => api;
}
