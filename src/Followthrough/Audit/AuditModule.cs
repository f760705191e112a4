using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Audit;

/// <summary>
/// The audit trail's services and API. The trail itself is written on every save of the context by
/// <see cref="AuditInterceptor"/>, which the storage module's context pool picks up as an <see cref="IInterceptor"/>.
/// </summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddSingleton<IInterceptor, AuditInterceptor>().AddScoped<AuditTrail>().AddScoped<AuditVerifier>();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api) => AuditApi.Map(api);
}
