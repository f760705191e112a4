using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Audit;

/// <summary>The audit trail's services and API. The trail itself is written by the database context on every save.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddScoped<AuditTrail>().AddScoped<AuditVerifier>();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api) => AuditApi.Map(api);
}
