using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Applications;

/// <summary>The body of POST /services/applications.</summary>
internal sealed record FileRequest(int? ItemId, Dictionary<string, string?>? Answers, int? ApplicantId);

/// <summary>The body of a step: the version seen, and what the step needs (see <see cref="StepInput"/>).</summary>
internal sealed record StepRequest(
    int? Version, string? Reason, string? LegalBasis, List<string?>? Missing, bool? Approve, Dictionary<string, string?>? Answers)
{
    public StepInput ToInput() => new(Reason, LegalBasis, Missing, Approve, Answers);
}

/// <summary>/api/v1/services/applications: applicants file and follow their own; the unit's staff take the steps.</summary>
internal static class ApplicationsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/services/applications").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", FileAsync).WithName("FileServiceApplication")
            .WithSummary("File an application (enterprises and citizens for themselves; the unit's staff at the window, naming applicantId). A withdrawn item is a field error.");
        group.MapGet("/mine", MineAsync).WithName("ListMyServiceApplications")
            .WithSummary("The caller's own applications, newest first.");
        group.MapGet("/queue/{unitId:int}", QueueAsync).WithName("ListUnitServiceApplications")
            .WithSummary("A unit's open applications (or those in one state), overdue first: its staff and the supervision office.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetServiceApplication")
            .WithSummary("One application with its history; 404 for anyone but its applicant, its unit's staff and the supervision office. ETag is its version.");
        foreach (var (path, step, summary) in StepRoutes)
        {
            group.MapPost("/{id:int}/" + path, (int id, StepRequest? body, CurrentUser me, ServiceApplications applications, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                    StepAsync(id, step, body, me, applications, request, response, ct))
                .WithName("ServiceApplication" + step)
                .WithSummary(summary + " Send If-Match or a version field: stale or a step the state does not allow answers 409, none 428.");
        }
    }

    private static readonly (string Path, ApplicationStep Step, string Summary)[] StepRoutes =
    [
        ("accept", ApplicationStep.Accepted, "Accept (受理): the clock starts; the committed and statutory due dates are set."),
        ("refuse", ApplicationStep.Refused, "Refuse to accept (不予受理), with reason and legalBasis."),
        ("supplement", ApplicationStep.SupplementRequested, "Ask the applicant to supplement (补正), listing in missing everything that is missing."),
        ("resubmit", ApplicationStep.Resubmitted, "The applicant resubmits after a supplement request, optionally with new answers; it is received again."),
        ("approve", ApplicationStep.Approved, "Decide in the applicant's favour, with optional reasons."),
        ("reject", ApplicationStep.Rejected, "Decide against the applicant, with reasons. A second decision answers 409."),
        ("deliver", ApplicationStep.Delivered, "Deliver the decision (送达)."),
        ("withdraw", ApplicationStep.Withdrawn, "The applicant withdraws the application before a decision."),
    ];

    private static async Task<Results<Created<ServiceApplicationEntry>, ValidationProblem, ProblemHttpResult>> FileAsync(
        FileRequest body, CurrentUser me, ServiceApplications applications, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await applications.FileAsync(me, new ApplicationInput(body.ItemId, body.Answers, body.ApplicantId), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Created($"/api/v1/services/applications/{outcome.Value.Id}", outcome.Value);
    }

    private static async Task<Ok<IReadOnlyList<ApplicationQueueRow>>> MineAsync(CurrentUser me, ServiceApplications applications, CancellationToken cancellationToken) =>
        TypedResults.Ok(await applications.MineAsync(me, cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<ApplicationQueueRow>>, ValidationProblem, ProblemHttpResult>> QueueAsync(
        int unitId, string? state, CurrentUser me, ServiceApplications applications, CancellationToken cancellationToken)
    {
        ApplicationState? parsed = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<ApplicationState>(state, ignoreCase: true, out var s) || int.TryParse(state, out _))
            {
                var errors = new ValidationErrors();
                errors.Add("state", "The state must be one of: " + string.Join(", ", Enum.GetNames<ApplicationState>()) + ".");
                return Problems.Invalid(errors);
            }

            parsed = s;
        }

        var outcome = await applications.QueueAsync(me, unitId, parsed, cancellationToken);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : Problem(outcome.Refusal);
    }

    private static async Task<Results<Ok<ServiceApplicationEntry>, ProblemHttpResult>> GetAsync(
        int id, CurrentUser me, ServiceApplications applications, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await applications.GetAsync(me, id, cancellationToken);
        if (!outcome.IsDone)
        {
            return Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }

    private static async Task<Results<Ok<ServiceApplicationEntry>, ValidationProblem, ProblemHttpResult>> StepAsync(
        int id, ApplicationStep step, StepRequest? body, CurrentUser me, ServiceApplications applications, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (Versions.Expected(request, body?.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var input = body?.ToInput() ?? new StepInput();
        var outcome = await applications.TakeStepAsync(me, id, step, input, version, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }

    internal static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        OutcomeKind.NotFound => Problems.NotFound(refusal.Reason ?? "The application"),
        OutcomeKind.Forbidden => Problems.Forbidden(refusal.Reason),
        OutcomeKind.Stale => Problems.Stale(refusal.CurrentVersion ?? 0),
        _ => Problems.Conflict(refusal.Reason ?? "The step cannot be taken now."),
    };
}
