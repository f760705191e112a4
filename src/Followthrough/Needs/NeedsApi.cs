using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Needs;

/// <summary>The body of POST /needs.</summary>
internal sealed record FileNeedRequest(NeedCategory? Category, string? Title, string? Details, bool? PublishConsent, int? UnitId, int? EnterprisePersonId);

/// <summary>The body of a step: the version seen and what the step needs (see <see cref="NeedStepInput"/>).</summary>
internal sealed record NeedStepRequest(int? Version, int? UnitId, string? Note, int? LeadUnitId, List<int>? CoUnitIds, string? Answer, Satisfaction? Satisfaction)
{
    public NeedStepInput ToInput() => new(UnitId, Note, LeadUnitId, CoUnitIds, Answer, Satisfaction);
}

/// <summary>/api/v1/needs: enterprises file and follow their own needs; units hand on, dispatch and answer; the callback.</summary>
internal static class NeedsApi
{
    private static readonly (string Path, NeedAction Action, string Summary)[] StepRoutes =
    [
        ("hand-on", NeedAction.HandOn, "The responsible unit hands the need on to another unit (unitId), with the reason in note (首接负责 until then)."),
        ("dispatch", NeedAction.Dispatch, "The responsible unit or the supervision office dispatches the need to a lead unit (leadUnitId) and co-units (coUnitIds); a reopened need only the supervision office."),
        ("answer", NeedAction.Answer, "The lead unit's staff answer the need (answer required); 403 for any other unit."),
        ("call-back", NeedAction.CallBack, "The callback (回访): satisfaction Satisfied, BasicallySatisfied or Dissatisfied. The first Dissatisfied reopens the need at the supervision office with a fresh limit; a second closes it. 409 before an answer."),
    ];

    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/needs").WithTags("Needs").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", FileAsync).WithName("FileEnterpriseNeed")
            .WithSummary("File a need: an enterprise for itself, naming unitId (the unit that receives it first); a unit's staff after a visit, naming enterprisePersonId.");
        group.MapGet("/mine", MineAsync).WithName("ListMyEnterpriseNeeds").WithSummary("The calling enterprise's own needs, newest first.");
        group.MapGet("/queue/{unitId:int}", QueueAsync).WithName("ListUnitEnterpriseNeeds")
            .WithSummary("A unit's needs (whose move is the unit's, then those it co-operates on), overdue first; overdue=true keeps those past their limit.");
        group.MapGet("/overview", OverviewAsync).WithName("EnterpriseNeedsOverview")
            .WithSummary("Every open need, overdue first, with counts by state: the supervision office, leaders and administrators.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetEnterpriseNeed")
            .WithSummary("One need with its history; 404 for anyone but its enterprise, the units on it and the supervision office. ETag is its version.");
        foreach (var (path, action, summary) in StepRoutes)
        {
            group.MapPost("/{id:int}/" + path, (int id, NeedStepRequest? body, CurrentUser me, EnterpriseNeeds needs, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                    StepAsync(id, action, body, me, needs, request, response, ct))
                .WithName("EnterpriseNeed" + action)
                .WithSummary(summary + " Send If-Match or a version field: stale or a step the state does not allow answers 409, none 428.");
        }

        return api;
    }

    private static async Task<Results<Created<NeedEntry>, ValidationProblem, ProblemHttpResult>> FileAsync(
        FileNeedRequest body, CurrentUser me, EnterpriseNeeds needs, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await needs.FileAsync(
            me, new NeedInput(body.Category, body.Title, body.Details, body.PublishConsent ?? false, body.UnitId, body.EnterprisePersonId), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Created($"/api/v1/needs/{outcome.Value.Id}", outcome.Value);
    }

    private static async Task<Ok<IReadOnlyList<NeedRow>>> MineAsync(CurrentUser me, EnterpriseNeeds needs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await needs.MineAsync(me, cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<NeedRow>>, ProblemHttpResult>> QueueAsync(
        int unitId, bool? overdue, CurrentUser me, EnterpriseNeeds needs, CancellationToken cancellationToken)
    {
        var outcome = await needs.QueueAsync(me, unitId, overdue ?? false, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : Problem(outcome.Refusal);
    }

    private static async Task<Results<Ok<NeedsOverview>, ProblemHttpResult>> OverviewAsync(
        bool? overdue, CurrentUser me, EnterpriseNeeds needs, CancellationToken cancellationToken)
    {
        var outcome = await needs.OverviewAsync(me, overdue ?? false, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : Problem(outcome.Refusal);
    }

    private static async Task<Results<Ok<NeedEntry>, ProblemHttpResult>> GetAsync(
        int id, CurrentUser me, EnterpriseNeeds needs, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await needs.GetAsync(me, id, cancellationToken);
        if (!outcome.IsDone)
        {
            return Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }

    private static async Task<Results<Ok<NeedEntry>, ValidationProblem, ProblemHttpResult>> StepAsync(
        int id, NeedAction action, NeedStepRequest? body, CurrentUser me, EnterpriseNeeds needs, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (Versions.Expected(request, body?.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = await needs.TakeStepAsync(me, id, action, body?.ToInput() ?? new NeedStepInput(), version, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }

    private static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        OutcomeKind.NotFound => Problems.NotFound(refusal.Reason ?? "The need"),
        OutcomeKind.Forbidden => Problems.Forbidden(refusal.Reason),
        OutcomeKind.Stale => Problems.Stale(refusal.CurrentVersion ?? 0),
        _ => Problems.Conflict(refusal.Reason ?? "The step cannot be taken now."),
    };
}
