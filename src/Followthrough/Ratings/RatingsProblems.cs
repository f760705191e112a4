using Followthrough.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Followthrough.Ratings;

/// <summary>A refused change as ProblemDetails: 404, 403, 412 (stale) or 409.</summary>
internal static class RatingsProblems
{
    public static ProblemHttpResult Of(Refusal refusal, string what) => refusal.Kind switch
    {
        OutcomeKind.NotFound => Problems.NotFound(refusal.Reason ?? what),
        OutcomeKind.Forbidden => Problems.Forbidden(refusal.Reason),
        OutcomeKind.Stale => Problems.Stale(refusal.CurrentVersion ?? 0),
        _ => Problems.Conflict(refusal.Reason ?? "Not now."),
    };
}
