using Followthrough.Ratings.Rating;
using Followthrough.Ratings.Rectification;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Ratings;

/// <summary>The body of a rating: grade (VerySatisfied ... VeryDissatisfied), reason codes, comment, channel, realName.</summary>
internal sealed record RatingRequest(string? Grade, List<string?>? Reasons, string? Comment, string? Channel, bool? RealName);

/// <summary>The body of a rectification step: note, reply (rectify), reached (call-back), version (or If-Match).</summary>
internal sealed record RectificationStepRequest(string? Note, string? Reply, bool? Reached, int? Version);

/// <summary>The body of the rater's grade of a rectification: Satisfied, BasicallySatisfied or Dissatisfied.</summary>
internal sealed record FixGradeRequest(string? Grade);

/// <summary>/api/v1/ratings: the applicant rates a decided application once; the rated unit works its bad ratings.</summary>
internal static class RatingsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/ratings").WithTags("Ratings").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/applications/{id:int}", RateAsync).WithName("RateServiceApplication")
            .WithSummary("Rate a decided application once (一事一评): its applicant (Online, Mobile); the unit's staff on the counter tablet (Window); the supervision office's hotline (Hotline). A bad grade opens a rectification case with its task. 409 before the decision or when rated already; 404 for someone else's application.");
        group.MapGet("/applications/{id:int}", GetAsync).WithName("GetServiceApplicationRating")
            .WithSummary("The rating of an application with its rectification case; 404 when none, or for anyone but its rater, the unit and the supervision office.");
        group.MapGet("/rectifications", QueueAsync).WithName("ListRatingsAndRectifications")
            .WithSummary("A unit's ratings, open rectifications first and most overdue first (unit staff: their own unit; the supervision office: unitId or all).");
        group.MapGet("/{ratingId:int}", GetRatingAsync).WithName("GetRating")
            .WithSummary("One rating with its rectification case.");
        group.MapPost("/{ratingId:int}/verify", (int ratingId, RectificationStepRequest? body, CurrentUser me, RatingRectifications cases, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                StepAsync(body, request, response, input => cases.VerifyAsync(me, ratingId, input, ct)))
            .WithName("VerifyRating").WithSummary("核实: the rated unit's note on what it found; signs for the case's task. Out of order 409.");
        group.MapPost("/{ratingId:int}/rectify", (int ratingId, RectificationStepRequest? body, CurrentUser me, RatingRectifications cases, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                StepAsync(body, request, response, input => cases.RectifyAsync(me, ratingId, input, ct)))
            .WithName("RectifyRating").WithSummary("整改: what was put right (note) and the reply the rater reads (reply). Out of order 409.");
        group.MapPost("/{ratingId:int}/call-back", (int ratingId, RectificationStepRequest? body, CurrentUser me, RatingRectifications cases, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                StepAsync(body, request, response, input => cases.CallBackAsync(me, ratingId, input, ct)))
            .WithName("CallBackRater").WithSummary("回访: reached (true/false) and a note. A real-name rater must be reached before the case closes; then the unit claims the task's completion for the supervision office to verify.");
        group.MapPost("/{ratingId:int}/fix-grade", FixGradeAsync).WithName("GradeRectification")
            .WithSummary("The rater grades the rectification once, after the unit's reply: Satisfied, BasicallySatisfied or Dissatisfied.");
    }

    private static async Task<Results<Created<RatingEntry>, ValidationProblem, ProblemHttpResult>> RateAsync(
        int id, RatingRequest body, CurrentUser me, ServiceRatings ratings, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await ratings.RateAsync(me, id, new RatingInput(body.Grade, body.Reasons, body.Comment, body.Channel, body.RealName), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Created($"/api/v1/ratings/applications/{id}", outcome.Value);
    }

    private static async Task<Results<Ok<RatingEntry>, ProblemHttpResult>> GetAsync(
        int id, CurrentUser me, ServiceRatings ratings, HttpResponse response, CancellationToken cancellationToken) =>
        Answer(await ratings.GetAsync(me, id, cancellationToken), response);

    private static async Task<Results<Ok<RatingEntry>, ProblemHttpResult>> GetRatingAsync(
        int ratingId, CurrentUser me, RatingRectifications cases, HttpResponse response, CancellationToken cancellationToken) =>
        Answer(await cases.GetAsync(me, ratingId, cancellationToken), response);

    private static async Task<Results<Ok<IReadOnlyList<RectificationRow>>, ProblemHttpResult>> QueueAsync(
        int? unitId, CurrentUser me, RatingRectifications cases, CancellationToken cancellationToken)
    {
        var outcome = await cases.QueueAsync(me, unitId, cancellationToken: cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : Problem(outcome.Refusal);
    }

    private static async Task<Results<Ok<RatingEntry>, ValidationProblem, ProblemHttpResult>> StepAsync(
        RectificationStepRequest? body, HttpRequest request, HttpResponse response, Func<RectificationStepInput, Task<Outcome<RatingEntry>>> step)
    {
        var input = new RectificationStepInput(body?.Note, body?.Reply, body?.Reached, Versions.Expected(request, body?.Version));
        return Answered(await step(input), response);
    }

    private static async Task<Results<Ok<RatingEntry>, ValidationProblem, ProblemHttpResult>> FixGradeAsync(
        int ratingId, FixGradeRequest body, CurrentUser me, RatingRectifications cases, HttpResponse response, CancellationToken cancellationToken) =>
        Answered(await cases.RateFixAsync(me, ratingId, body.Grade, cancellationToken), response);

    private static Results<Ok<RatingEntry>, ValidationProblem, ProblemHttpResult> Answered(Outcome<RatingEntry> outcome, HttpResponse response)
    {
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Rectification?.Version ?? outcome.Value.Version);
        return TypedResults.Ok(outcome.Value);
    }

    private static Results<Ok<RatingEntry>, ProblemHttpResult> Answer(Outcome<RatingEntry> outcome, HttpResponse response)
    {
        if (!outcome.IsDone)
        {
            return Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Rectification?.Version ?? outcome.Value.Version);
        return TypedResults.Ok(outcome.Value);
    }

    private static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        OutcomeKind.NotFound => Problems.NotFound(refusal.Reason ?? "The rating"),
        OutcomeKind.Forbidden => Problems.Forbidden(refusal.Reason),
        OutcomeKind.Stale => Problems.Stale(refusal.CurrentVersion ?? 0),
        _ => Problems.Conflict(refusal.Reason ?? "The step cannot be taken now."),
    };
}
