using Followthrough.Ratings.Publication;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Ratings.Figures;

/// <summary>/api/v1/ratings/figures (staff), /api/v1/ratings/publications (the office publishes) and
/// /api/v1/public/ratings (anyone reads what is published).</summary>
internal static class RatingFiguresApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var staff = api.MapGroup("/ratings").WithTags("Ratings").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        staff.MapGet("/figures", MonthAsync).WithName("GetRatingFigures")
            .WithSummary("A month's ratings figures (YYYY-MM) per unit and item and the total, as the data say now; unitId narrows them to one unit.");
        staff.MapGet("/figures/trend", TrendAsync).WithName("GetRatingTrend")
            .WithSummary("The last months (default 6, at most 24) up to month, for a unit or the city: published months as published.");
        staff.MapPost("/publications/{month}", PublishAsync).WithName("PublishRatings")
            .WithSummary("The supervision office publishes a month that is over; a published month is never recomputed (409).");

        var open = api.MapGroup("/public/ratings").WithTags("Ratings").AllowAnonymous();
        open.MapGet("", async (RatingPublications publications, CancellationToken ct) => TypedResults.Ok(await publications.MonthsAsync(ct)))
            .WithName("ListPublishedRatingMonths").WithSummary("The months whose ratings figures are published, newest first. No sign-in.");
        open.MapGet("/{month}", PublishedAsync).WithName("GetPublishedRatings")
            .WithSummary("A published month's ratings figures by unit and item, with the SHA-256 of the published text. No sign-in; no rater, no comment.");
    }

    private static async Task<Results<Ok<RatingMonth>, ValidationProblem, ProblemHttpResult>> MonthAsync(
        string? month, int? unitId, CurrentUser me, RatingFigures figures, CancellationToken cancellationToken)
    {
        var outcome = await figures.MonthAsync(me, month, unitId, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : outcome.Errors is { } errors ? Problems.Invalid(errors) : Problems.Forbidden(outcome.Refusal.Reason);
    }

    private static async Task<Results<Ok<IReadOnlyList<RatingTrendPoint>>, ValidationProblem, ProblemHttpResult>> TrendAsync(
        string? month, int? unitId, int? months, CurrentUser me, RatingFigures figures, CancellationToken cancellationToken)
    {
        var outcome = await figures.TrendAsync(me, month, unitId, months ?? 6, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : outcome.Errors is { } errors ? Problems.Invalid(errors) : Problems.Forbidden(outcome.Refusal.Reason);
    }

    private static async Task<Results<Created<PublishedRatings>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        string month, CurrentUser me, RatingPublications publications, CancellationToken cancellationToken)
    {
        var outcome = await publications.PublishAsync(me, month, cancellationToken);
        return outcome.IsDone
            ? TypedResults.Created($"/api/v1/public/ratings/{outcome.Value!.Month}", outcome.Value)
            : outcome.Errors is { } errors ? Problems.Invalid(errors) : RatingsProblems.Of(outcome.Refusal, "The month");
    }

    private static async Task<Results<Ok<PublishedRatings>, ProblemHttpResult>> PublishedAsync(
        string month, RatingPublications publications, CancellationToken cancellationToken) =>
        await publications.GetAsync(month, cancellationToken) is { } published
            ? TypedResults.Ok(published)
            : Problems.NotFound($"The publication of {month}");
}
