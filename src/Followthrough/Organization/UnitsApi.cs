using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Organization;

/// <summary>The body of POST /units and PUT /units/{id}. The parent is given by id or by code.</summary>
internal sealed record UnitRequest(
    string? Code,
    string? NameZh,
    string? NameEn,
    string? Kind,
    int? ParentId,
    string? ParentCode,
    IReadOnlyList<string>? Aliases,
    int? Version)
{
    public UnitInput ToInput() => new(Code, NameZh, NameEn, Kind, ParentId, ParentCode, Aliases);
}

/// <summary>/api/v1/units: the directory of units. Everyone in government reads it; administrators change it.</summary>
internal static class UnitsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units").RequireAuthorization();
        units.MapGet("/", ListAsync).WithName("ListUnits")
            .WithSummary("List units, a page at a time, filtered by a search text (code, names, aliases), kind, parent and active state.");
        units.MapGet("/{id:int}", GetAsync).WithName("GetUnit")
            .WithSummary("Read one unit; the ETag header is its version.");
        units.MapPost("/", CreateAsync).WithName("CreateUnit")
            .WithSummary("Create a unit (administrators). A code already in use is a field error (400).");
        units.MapPut("/{id:int}", UpdateAsync).WithName("UpdateUnit")
            .WithSummary("Replace a unit's fields (administrators). Send If-Match or a version field: stale answers 409, none at all 428.");
        units.MapPost("/{id:int}/deactivate", DeactivateAsync).WithName("DeactivateUnit")
            .WithSummary("Take a unit out of use (administrators); 409 while it has active sub-units. Versioned like an update.");
        units.MapPost("/{id:int}/reactivate", ReactivateAsync).WithName("ReactivateUnit")
            .WithSummary("Put a unit back in use (administrators); 409 while its parent is deactivated. Versioned like an update.");
        units.MapGet("/{id:int}/history", HistoryAsync).WithName("GetUnitHistory")
            .WithSummary("The unit's audit trail, oldest first, with the values before and after each change.");
    }

    private static async Task<Results<Ok<Paged<UnitDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int? page, int? pageSize, string? q, string? kind, int? parentId, string? active,
        CurrentUser me, UnitService units, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanReadUnits(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        var parsedKind = UnitRules.ParseKind(kind);
        if (!string.IsNullOrWhiteSpace(kind) && parsedKind is null)
        {
            errors.Add("kind", OrganizationMessages.KindUnknown);
        }

        var parsedActive = ApiShared.ParseFlag(active, "active", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await units.ListAsync(new UnitFilter(q, parsedKind, parentId, parsedActive), request, cancellationToken));
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetAsync(
        int id, CurrentUser me, UnitService units, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanReadUnits(me))
        {
            return Problems.Forbidden();
        }

        var unit = await units.GetAsync(id, cancellationToken);
        if (unit is null)
        {
            return Problems.NotFound("The unit");
        }

        Versions.SetETag(response, unit.Version);
        return TypedResults.Ok(unit);
    }

    private static async Task<Results<Created<UnitDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        UnitRequest body, CurrentUser me, UnitService units, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanManageUnits(me))
        {
            return Problems.Forbidden();
        }

        var outcome = await units.CreateAsync(body.ToInput(), cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (!outcome.IsDone)
        {
            return ApiShared.ToProblem(outcome.Refusal);
        }

        var dto = await units.ToDtoAsync(outcome.Value!, cancellationToken);
        Versions.SetETag(response, dto.Version);
        return TypedResults.Created($"/api/v1/units/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, UnitRequest body, CurrentUser me, UnitService units, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanManageUnits(me))
        {
            return Problems.Forbidden();
        }

        if (Versions.Expected(request, body.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        return await AnswerAsync(await units.UpdateAsync(id, body.ToInput(), version, cancellationToken), units, response, cancellationToken);
    }

    private static Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> DeactivateAsync(
        int id, StateChangeRequest? body, CurrentUser me, UnitService units, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, body, active: false, me, units, request, response, cancellationToken);

    private static Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> ReactivateAsync(
        int id, StateChangeRequest? body, CurrentUser me, UnitService units, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, body, active: true, me, units, request, response, cancellationToken);

    private static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> ChangeStateAsync(
        int id, StateChangeRequest? body, bool active, CurrentUser me, UnitService units, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanManageUnits(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var comment = ApiShared.CheckComment(body?.Comment, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (Versions.Expected(request, body?.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = active
            ? await units.ReactivateAsync(id, version, comment, cancellationToken)
            : await units.DeactivateAsync(id, version, comment, cancellationToken);
        return await AnswerAsync(outcome, units, response, cancellationToken);
    }

    private static async Task<Results<Ok<Paged<HistoryEntryDto>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        int id, int? page, int? pageSize, CurrentUser me, UnitService units, AuditTrail trail, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanReadUnits(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (await units.FindAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound("The unit");
        }

        return TypedResults.Ok(ApiShared.Page(await trail.HistoryAsync("units", id, cancellationToken), request));
    }

    private static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Outcome<Unit> outcome, UnitService units, HttpResponse response, CancellationToken cancellationToken)
    {
        if (outcome.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (!outcome.IsDone)
        {
            return ApiShared.ToProblem(outcome.Refusal);
        }

        var dto = await units.ToDtoAsync(outcome.Value!, cancellationToken);
        Versions.SetETag(response, dto.Version);
        return TypedResults.Ok(dto);
    }
}
