using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Figures;

/// <summary>GET /api/v1/services/figures?month=YYYY-MM: the month's service figures per unit, for the government's staff.</summary>
internal static class FiguresApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/services/figures", MonthAsync).WithTags("Services").RequireAuthorization()
            .WithName("GetServiceFigures")
            .WithSummary("A month's service figures per unit (items by delivery level, applications received and decided, on time, decided by rules, average working days used against the limits, visits) and the total. month is YYYY-MM.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<ServiceMonth>, ValidationProblem, ProblemHttpResult>> MonthAsync(
        string? month, CurrentUser me, ServiceFigures figures, CancellationToken cancellationToken)
    {
        var outcome = await figures.MonthAsync(me, month, cancellationToken);
        if (outcome.IsDone)
        {
            return TypedResults.Ok(outcome.Value!);
        }

        return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problems.Forbidden(outcome.Refusal.Reason);
    }
}
