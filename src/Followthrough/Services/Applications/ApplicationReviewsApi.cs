using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Applications;

/// <summary>/api/v1/services/applications/{id}/review-steps: the review steps (审查环节) between acceptance and decision.</summary>
internal static class ApplicationReviewsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/services/applications").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:int}/review-steps/{number:int}/complete", CompleteAsync)
            .WithName("CompleteServiceApplicationReviewStep")
            .WithSummary("Complete the current review step (审查环节) with a note: staff of the item's unit holding the step's duty (else 403). "
                + "Steps go in order; another step, or an application not accepted, answers 409. Send If-Match or a version field (none: 428).");
        group.MapPost("/{id:int}/review-steps/{number:int}/send-back", SendBackAsync)
            .WithName("SendBackServiceApplicationReviewStep")
            .WithSummary("Send the application back (退回) from the current review step to the one before, with a reason: staff of the item's unit holding "
                + "the current step's duty (else 403). The earlier step opens again with a fresh due date; at the first step, another step, or an "
                + "application not accepted, 409. Send If-Match or a version field (none: 428).");
    }

    private static async Task<Results<Ok<ServiceApplicationEntry>, ValidationProblem, ProblemHttpResult>> SendBackAsync(
        int id, int number, SendBackRequest? body, CurrentUser me, ApplicationReviews reviews, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (Versions.Expected(request, body?.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = await reviews.SendBackAsync(me, id, number, body?.Reason, version, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : ApplicationsApi.Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }

    private static async Task<Results<Ok<ServiceApplicationEntry>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        int id, int number, ReviewStepRequest? body, CurrentUser me, ApplicationReviews reviews, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (Versions.Expected(request, body?.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = await reviews.CompleteAsync(me, id, number, body?.Note, version, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : ApplicationsApi.Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }
}
