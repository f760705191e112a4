using Followthrough.Accounts;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Api;

internal static class ItemEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/plans/{planId:int}/items", ListAsync).WithName("ListPlanItems")
            .WithSummary("Lists a plan's items in outline order (3, 3.1, 3.1.1, ...), optionally those a unit leads or co-operates on.");
        group.MapPost("/plans/{planId:int}/items", CreateAsync).WithName("CreatePlanItem").WithSummary("Adds an item to a plan's outline.");
        group.MapGet("/plan-items/{id:int}", GetAsync).WithName("GetPlanItem").WithSummary("Reads a plan item; the ETag is its version.");
        group.MapPut("/plan-items/{id:int}", UpdateAsync).WithName("UpdatePlanItem").WithSummary("Changes a plan item (text, units, parent, order, weight, link); send its version as If-Match.");
        group.MapDelete("/plan-items/{id:int}", DeleteAsync).WithName("DeletePlanItem").WithSummary("Deletes a plan item without sub-items or indicators; send its version as If-Match.");
    }

    private static async Task<Results<Ok<Paged<ItemDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int planId, PlanOverview board, CurrentUser user, int? page, int? pageSize, string? unit, CancellationToken cancellationToken)
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

        IEnumerable<int> ids = snapshot.Outline.DepthFirst;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var found = snapshot.Units.Resolve(unit, out var problem);
            if (found is null)
            {
                return ApiAnswers.Invalid("unit", problem!);
            }

            ids = ids.Where(id => snapshot.Involves(id, found.Id));
        }

        var all = ids.ToList();
        var items = all.Skip(request.Skip).Take(request.PageSize).Select(id => PlanDtoMapper.ToDto(snapshot.Items[id], snapshot)).ToList();
        return TypedResults.Ok(new Paged<ItemDto>(items, request.Page, request.PageSize, all.Count));
    }

    private static async Task<Results<Ok<ItemDto>, ProblemHttpResult>> GetAsync(
        int id, FollowthroughDb db, PlanOverview board, CurrentUser user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanReadPlans(user))
        {
            return Problems.Forbidden();
        }

        var dto = await DtoAsync(db, board, id, cancellationToken);
        if (dto is null)
        {
            return Problems.NotFound("The plan item");
        }

        Versions.SetETag(response, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<ItemDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        int planId, ItemWrite body, PlanItemEditor editor, FollowthroughDb db, PlanOverview board, CurrentUser user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        var result = await editor.CreateAsync(planId, body, cancellationToken);
        var dto = result.IsDone ? await DtoAsync(db, board, result.Value!.Id, cancellationToken) : null;
        return ApiAnswers.Created(result, _ => dto!, response, "The plan", i => $"/api/v1/plan-items/{i.Id}", i => i.Version);
    }

    private static async Task<Results<Ok<ItemDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ItemWrite body, PlanItemEditor editor, FollowthroughDb db, PlanOverview board, CurrentUser user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        var result = await editor.UpdateAsync(id, body, Versions.Expected(request, body.Version), cancellationToken);
        var dto = result.IsDone ? await DtoAsync(db, board, id, cancellationToken) : null;
        return ApiAnswers.Updated(result, _ => dto!, response, "The plan item", i => i.Version);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, PlanItemEditor editor, CurrentUser user, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!PlanPermissions.CanEditPlans(user))
        {
            return Problems.Forbidden("Only administrators and the supervision office change plans.");
        }

        return ApiAnswers.Deleted(await editor.DeleteAsync(id, Versions.Expected(request, null), cancellationToken), "The plan item");
    }

    private static async Task<ItemDto?> DtoAsync(FollowthroughDb db, PlanOverview board, int id, CancellationToken cancellationToken)
    {
        var planId = await db.Set<PlanItem>().AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.PlanId).SingleOrDefaultAsync(cancellationToken);
        var snapshot = planId is { } p ? await board.LoadAsync(p, cancellationToken) : null;
        return snapshot is not null && snapshot.Items.TryGetValue(id, out var item) ? PlanDtoMapper.ToDto(item, snapshot) : null;
    }
}
