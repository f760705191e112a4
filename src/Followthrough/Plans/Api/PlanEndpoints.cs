using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Api;

internal static class PlanEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/plans", ListAsync).WithName("ListPlans").WithSummary("Lists plans, newest period first (filter by code, level or status).");
        group.MapPost("/plans", CreateAsync).WithName("CreatePlan").WithSummary("Creates a plan (administrators and supervisors).");
        group.MapGet("/plans/{id:int}", GetAsync).WithName("GetPlan").WithSummary("Reads a plan; the ETag is its version.");
        group.MapPut("/plans/{id:int}", UpdateAsync).WithName("UpdatePlan").WithSummary("Changes a plan; send its version as If-Match.");
        group.MapDelete("/plans/{id:int}", DeleteAsync).WithName("DeletePlan").WithSummary("Deletes an empty plan; send its version as If-Match.");
        group.MapGet("/plans/{id:int}/status", StatusAsync).WithName("GetPlanStatus")
            .WithSummary("Counts the plan's indicators by status, with weighted progress, overall and per chapter.");
    }

    private static async Task<Results<Ok<Paged<PlanDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        FollowthroughDb db, OrganizationDirectory organization, CurrentUser user, int? page, int? pageSize, string? code, PlanLevel? level, PlanStatus? status, CancellationToken cancellationToken)
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

        var query = db.Set<Plan>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(code))
        {
            var normalized = PlanChecks.NormalizeCode(code);
            query = query.Where(p => p.Code == normalized);
        }

        if (level is { } l)
        {
            query = query.Where(p => p.Level == l);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var plans = await query.OrderByDescending(p => p.StartYear).ThenBy(p => p.Code).Skip(request.Skip).Take(request.PageSize).ToListAsync(cancellationToken);
        var units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        return TypedResults.Ok(new Paged<PlanDto>([.. plans.Select(p => PlanDtoMapper.ToDto(p, units))], request.Page, request.PageSize, total));
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetAsync(
        int id, FollowthroughDb db, OrganizationDirectory organization, CurrentUser user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var plan = await db.Set<Plan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return Problems.NotFound("The plan");
        }

        Versions.SetETag(response, plan.Version);
        return TypedResults.Ok(PlanDtoMapper.ToDto(plan, await UnitDirectory.LoadAsync(organization, cancellationToken)));
    }

    private static async Task<Results<Created<PlanDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PlanWrite body, PlanEditor editor, FollowthroughDb db, OrganizationDirectory organization, CurrentUser user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        var result = await editor.CreateAsync(body, cancellationToken);
        var units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        return ApiAnswers.Created(result, p => PlanDtoMapper.ToDto(p, units), response, "The plan", p => $"/api/v1/plans/{p.Id}", p => p.Version);
    }

    private static async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, PlanWrite body, PlanEditor editor, FollowthroughDb db, OrganizationDirectory organization, CurrentUser user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        var result = await editor.UpdateAsync(id, body, Versions.Expected(request, body.Version), cancellationToken);
        var units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        return ApiAnswers.Updated(result, p => PlanDtoMapper.ToDto(p, units), response, "The plan", p => p.Version);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, PlanEditor editor, CurrentUser user, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        return ApiAnswers.Deleted(await editor.DeleteAsync(id, Versions.Expected(request, null), cancellationToken), "The plan");
    }

    private static async Task<Results<Ok<PlanStatusDto>, ProblemHttpResult>> StatusAsync(
        int id, PlanOverview board, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var snapshot = await board.LoadAsync(id, cancellationToken);
        return snapshot is null ? Problems.NotFound("The plan") : TypedResults.Ok(PlanDtoMapper.ToStatus(snapshot));
    }

}
