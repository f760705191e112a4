using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Ratings.Appeals;

/// <summary>A decision on an appeal as the API takes it.</summary>
public sealed record AppealDecisionRequest(bool? Upheld, string? Reason, int? Version);

/// <summary>/api/v1/ratings: a unit appeals a rating (申诉); the supervision office decides.</summary>
internal static class AppealsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/ratings").WithTags("Ratings").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{ratingId:int}/appeal", FileAsync).WithName("AppealRating")
            .WithSummary("The rated unit's staff appeal a rating they hold mistaken or malicious, with the reason and the evidence, within the "
                + "appeal window (working days after the rating, 409 after it) and once (409).");
        group.MapGet("/appeals", PendingAsync).WithName("ListPendingRatingAppeals")
            .WithSummary("The appeals waiting for the supervision office, oldest first (the office only).");
        group.MapPost("/appeals/{id:int}/decision", DecideAsync).WithName("DecideRatingAppeal")
            .WithSummary("The supervision office upholds (the rating leaves the figures, never the audit trail) or rejects an appeal with a "
                + "reason; a second decision is 409. Send If-Match or a version field (none: 428).");
    }

    private static async Task<Results<Created<AppealEntry>, ValidationProblem, ProblemHttpResult>> FileAsync(
        int ratingId, AppealInput? body, CurrentUser me, RatingAppeals appeals, CancellationToken cancellationToken)
    {
        var outcome = await appeals.FileAsync(me, ratingId, body ?? new AppealInput(null, null), cancellationToken);
        return outcome.IsDone
            ? TypedResults.Created($"/api/v1/ratings/appeals/{outcome.Value!.Id}", outcome.Value)
            : outcome.Errors is { } errors ? Problems.Invalid(errors) : RatingsProblems.Of(outcome.Refusal, "The rating");
    }

    private static async Task<Results<Ok<IReadOnlyList<AppealEntry>>, ProblemHttpResult>> PendingAsync(
        CurrentUser me, RatingAppeals appeals, CancellationToken cancellationToken)
    {
        var outcome = await appeals.PendingAsync(me, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : Problems.Forbidden(outcome.Refusal.Reason);
    }

    private static async Task<Results<Ok<AppealEntry>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        int id, AppealDecisionRequest? body, CurrentUser me, RatingAppeals appeals, HttpRequest request, CancellationToken cancellationToken)
    {
        if (Versions.Expected(request, body?.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = await appeals.DecideAsync(me, id, new AppealDecisionInput(body?.Upheld, body?.Reason), version, cancellationToken);
        return outcome.IsDone
            ? TypedResults.Ok(outcome.Value!)
            : outcome.Errors is { } errors ? Problems.Invalid(errors) : RatingsProblems.Of(outcome.Refusal, "The appeal");
    }
}
