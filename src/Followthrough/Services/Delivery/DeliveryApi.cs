using Followthrough.Web;
using Followthrough.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Delivery;

/// <summary>The decision document of an application (its applicant and unit's staff), and the public check of a code.</summary>
internal static class DeliveryApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/services/applications/{id:int}/decision", DownloadAsync).WithTags("Services").RequireAuthorization()
            .WithName("DownloadServiceDecision")
            .WithSummary("The decision document as PDF (applicant and the unit's staff; 404 for anyone else or before a decision). The applicant's download delivers the decision (送达).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/services/verify/{code}", VerifyAsync).WithTags("Services").AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicLookups)
            .WithName("VerifyServiceDecision")
            .WithSummary("Checks a decision document's verification code, without sign-in: the item, decision, date, issuing unit, the document's SHA-256 and the applicant's name masked; 404 for an unknown code.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, CurrentUser me, DecisionDocuments documents, CancellationToken cancellationToken)
    {
        var outcome = await documents.DownloadAsync(me, id, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Kind == OutcomeKind.NotFound
                ? Problems.NotFound(outcome.Reason ?? "The decision document")
                : Problems.Conflict(outcome.Reason ?? DecisionDocuments.NoFont);
        }

        return TypedResults.File(outcome.Value!.Content, "application/pdf", outcome.Value.FileName);
    }

    private static async Task<Results<Ok<DecisionVerification>, ProblemHttpResult>> VerifyAsync(
        string code, DecisionDocuments documents, CancellationToken cancellationToken) =>
        await documents.VerifyAsync(code, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : Problems.NotFound("A decision document with this verification code");
}
