using Followthrough.Services.Applications;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Duties;

/// <summary>/api/v1/services/duties: who is a window officer and who an approver in each unit.</summary>
internal static class DutiesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/services/duties").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithName("ListServiceDuties")
            .WithSummary("Window officers and approvers, of one unit (unitId) or all: administrators, the supervision office and unit staff (their own unit).");
        group.MapPost("/", AssignAsync).WithName("AssignServiceDuty")
            .WithSummary("Give a member of a unit's staff a duty there (WindowOfficer, Reviewer or Approver): administrators and the supervision office.");
        group.MapDelete("/{id:int}", RemoveAsync).WithName("RemoveServiceDuty")
            .WithSummary("Take a duty away: administrators and the supervision office.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ServiceDutyEntry>>, ProblemHttpResult>> ListAsync(
        int? unitId, CurrentUser me, UnitDuties duties, CancellationToken cancellationToken)
    {
        if (!ServicesPermissions.CanKeepDuties(me) && !(unitId is { } u && ServicesPermissions.CanHandleApplications(me, u)))
        {
            return Problems.Forbidden("Administrators and the supervision office read every unit's duties; a unit's staff read their own unit's.");
        }

        return TypedResults.Ok(await duties.ListAsync(unitId, cancellationToken));
    }

    private static async Task<Results<Created<ServiceDutyEntry>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        DutyInput body, CurrentUser me, UnitDuties duties, CancellationToken cancellationToken)
    {
        var outcome = await duties.AssignAsync(me, body, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : ApplicationsApi.Problem(outcome.Refusal);
        }

        return TypedResults.Created($"/api/v1/services/duties?unitId={outcome.Value!.UnitId}", outcome.Value);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(int id, CurrentUser me, UnitDuties duties, CancellationToken cancellationToken)
    {
        var outcome = await duties.RemoveAsync(me, id, cancellationToken);
        return outcome.IsDone ? TypedResults.NoContent() : ApplicationsApi.Problem(outcome.Refusal);
    }
}
