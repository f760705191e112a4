using Followthrough.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Followthrough.Tasks;

/// <summary>Turns a refused task outcome into its answer; refusals name the state and the steps that are possible.</summary>
internal static class TaskProblems
{
    public static Results<TOk, ProblemHttpResult, ValidationProblem> Refuse<TOk>(Refusal outcome, TaskState? state = null)
        where TOk : IResult => outcome.Kind switch
    {
        OutcomeKind.Invalid => Problems.Invalid(outcome.Errors!),
        OutcomeKind.Stale => Problems.Stale(outcome.CurrentVersion ?? 0),
        OutcomeKind.NotFound => Problems.NotFound(outcome.Reason?.Contains("evidence", StringComparison.Ordinal) == true ? "The evidence file" : "The task"),
        OutcomeKind.Forbidden => Refused(StatusCodes.Status403Forbidden, "You are not allowed to do this.", outcome, state),
        OutcomeKind.NotNow => Refused(StatusCodes.Status409Conflict, "This step is not possible now.", outcome, state),
        _ => throw new InvalidOperationException("A successful outcome is not a problem."),
    };

    private static ProblemHttpResult Refused(int status, string title, Refusal outcome, TaskState? state)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["allowedActions"] = outcome.Allowed.ToArray(),
        };
        if (state is not null)
        {
            extensions["state"] = state.ToString();
        }

        return TypedResults.Problem(title: title, detail: outcome.Reason, statusCode: status, extensions: extensions);
    }
}
