using Followthrough.Accounts;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Api;

internal static class IndicatorEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/plans/{planId:int}/indicators", ListAsync).WithName("ListIndicators")
            .WithSummary("Lists a plan's indicators with their status (filter by status or reporting unit).");
        group.MapPost("/plans/{planId:int}/indicators", CreateAsync).WithName("CreateIndicator").WithSummary("Adds an indicator to a plan item.");
        group.MapGet("/indicators/{id:int}", GetAsync).WithName("GetIndicator").WithSummary("Reads an indicator with its yearly targets and status; the ETag is its version.");
        group.MapPut("/indicators/{id:int}", UpdateAsync).WithName("UpdateIndicator").WithSummary("Changes an indicator and its yearly targets; send its version as If-Match.");
        group.MapDelete("/indicators/{id:int}", DeleteAsync).WithName("DeleteIndicator").WithSummary("Deletes an indicator that has no reported values; send its version as If-Match.");
    }

    private static async Task<Results<Ok<Paged<IndicatorDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int planId, PlanOverview board, CurrentUser user, int? page, int? pageSize, IndicatorStatus? status, string? unit, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var snapshot = await board.LoadAsync(planId, cancellationToken);
        if (snapshot is null)
        {
            return Problems.NotFound("The plan");
        }

        IEnumerable<Indicator> indicators = snapshot.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal);
        if (status is { } wanted)
        {
            indicators = indicators.Where(i => snapshot.Assessments[i.Id].Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(unit))
        {
            var found = snapshot.Units.Resolve(unit, out var problem);
            if (found is null)
            {
                return ApiAnswers.Invalid("unit", problem!);
            }

            indicators = indicators.Where(i => i.ReportingUnitId == found.Id);
        }

        var all = indicators.ToList();
        var page1 = all.Skip(request.Skip).Take(request.PageSize).Select(i => PlanDtoMapper.ToDto(i, snapshot)).ToList();
        return TypedResults.Ok(new Paged<IndicatorDto>(page1, request.Page, request.PageSize, all.Count));
    }

    private static async Task<Results<Ok<IndicatorDto>, ProblemHttpResult>> GetAsync(
        int id, FollowthroughDb db, PlanOverview board, CurrentUser user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var dto = await DtoAsync(db, board, id, cancellationToken);
        if (dto is null)
        {
            return Problems.NotFound("The indicator");
        }

        Versions.SetETag(response, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<IndicatorDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        int planId, IndicatorWrite body, IndicatorEditor editor, FollowthroughDb db, PlanOverview board, CurrentUser user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        var result = await editor.CreateAsync(planId, body, cancellationToken);
        var dto = result.IsDone ? await DtoAsync(db, board, result.Value!.Id, cancellationToken) : null;
        return ApiAnswers.Created(result, _ => dto!, response, "The plan", i => $"/api/v1/indicators/{i.Id}", i => i.Version);
    }

    private static async Task<Results<Ok<IndicatorDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, IndicatorWrite body, IndicatorEditor editor, FollowthroughDb db, PlanOverview board, CurrentUser user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        var result = await editor.UpdateAsync(id, body, Versions.Expected(request, body.Version), cancellationToken);
        var dto = result.IsDone ? await DtoAsync(db, board, id, cancellationToken) : null;
        return ApiAnswers.Updated(result, _ => dto!, response, "The indicator", i => i.Version);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, IndicatorEditor editor, CurrentUser user, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        return ApiAnswers.Deleted(await editor.DeleteAsync(id, Versions.Expected(request, null), cancellationToken), "The indicator");
    }

    private static async Task<IndicatorDto?> DtoAsync(FollowthroughDb db, PlanOverview board, int id, CancellationToken cancellationToken)
    {
        var planId = await db.Set<Indicator>().AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.PlanId).SingleOrDefaultAsync(cancellationToken);
        var snapshot = planId is { } p ? await board.LoadAsync(p, cancellationToken) : null;
        var indicator = snapshot?.Indicators.SingleOrDefault(i => i.Id == id);
        return indicator is null ? null : PlanDtoMapper.ToDto(indicator, snapshot!);
    }
}
