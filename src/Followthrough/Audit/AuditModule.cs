using Microsoft.AspNetCore.Routing;

namespace Followthrough.Audit;

public static class AuditModule
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api) => api;
}
