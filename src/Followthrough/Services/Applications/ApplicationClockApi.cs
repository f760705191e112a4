using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Services.Applications;

/// <summary>The body of an extension request or approval: the version seen, the reason, the working days (approval).</summary>
internal sealed record ExtensionRequest(int? Version, string? Reason, int? Days);

/// <summary>The body of a pause: the version seen, its kind, reason and first and last day.</summary>
internal sealed record PauseRequest(int? Version, PauseKind? Kind, string? Reason, DateOnly? From, DateOnly? To);

/// <summary>The body of marking promised materials supplied.</summary>
internal sealed record VersionRequest(int? Version);

/// <summary>/api/v1/services/applications/{id}/...: the clock after acceptance (extension, pauses) and 容缺受理.</summary>
internal static class ApplicationClockApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/services/applications").WithTags("Services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:int}/extension", (int id, ExtensionRequest? body, CurrentUser me, ApplicationClockSteps steps, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                AnswerAsync(request, response, body?.Version, v => steps.RequestExtensionAsync(me, id, body?.Reason, v, ct)))
            .WithName("RequestServiceApplicationExtension")
            .WithSummary("The handling unit (window officer or approver) asks to extend the time limit (Art. 42), with the reason the applicant is told. One extension per application.");
        group.MapPost("/{id:int}/extension/approve", (int id, ExtensionRequest? body, CurrentUser me, ApplicationClockSteps steps, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                AnswerAsync(request, response, body?.Version, v => steps.ApproveExtensionAsync(me, id, body?.Days, v, ct)))
            .WithName("ApproveServiceApplicationExtension")
            .WithSummary("The unit's approver extends the limit by days (1 to 10, default 10); more is a field error and nothing is written. The due dates are recomputed.");
        group.MapPost("/{id:int}/pauses", (int id, PauseRequest? body, CurrentUser me, ApplicationClockSteps steps, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                AnswerAsync(request, response, body?.Version, v => steps.RecordPauseAsync(me, id, new PauseInput(body?.Kind, body?.Reason, body?.From, body?.To), v, ct)))
            .WithName("PauseServiceApplication")
            .WithSummary("Record a period that does not count (Art. 45: Hearing, Testing, ExpertReview, Other), both days included; the due dates move.");
        group.MapPost("/{id:int}/promise-kept", (int id, VersionRequest? body, CurrentUser me, ApplicationClockSteps steps, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                AnswerAsync(request, response, body?.Version, v => steps.KeepPromiseAsync(me, id, v, ct)))
            .WithName("KeepServiceApplicationPromise")
            .WithSummary("The applicant marks the materials promised at acceptance (容缺受理) supplied; until then the approver cannot approve.");
    }

    private static async Task<Results<Ok<ServiceApplicationEntry>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        HttpRequest request, HttpResponse response, int? bodyVersion, Func<int, Task<Outcome<ServiceApplicationEntry>>> change)
    {
        if (Versions.Expected(request, bodyVersion) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = await change(version);
        if (!outcome.IsDone)
        {
            return outcome.Errors is { } errors ? Problems.Invalid(errors) : ApplicationsApi.Problem(outcome.Refusal);
        }

        Versions.SetETag(response, outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }
}
