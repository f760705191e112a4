using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Followthrough.Supervision;

/// <summary>The body of an urging request: the supervisor's own words, optional.</summary>
internal sealed record UrgeRequest(string? Message);

/// <summary>How many notices the caller has not read.</summary>
internal sealed record UnreadCountDto(int Unread);

/// <summary>/api/v1/notices (the caller's inbox) and /api/v1/supervision (urging by hand, the special supervision list).</summary>
internal static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var notices = api.MapGroup("/notices").WithTags("Notices").RequireAuthorization();
        notices.MapGet("/", ListAsync).WithName("NoticeList").WithSummary("The caller's notices (to them and, for unit staff, to their unit), newest first, paged.");
        notices.MapGet("/unread-count", UnreadAsync).WithName("NoticeUnreadCount").WithSummary("How many of the caller's notices are unread.");
        notices.MapPost("/{id:long}/read", ReadAsync).WithName("NoticeMarkRead").WithSummary("Mark one of the caller's notices read.");

        var supervision = api.MapGroup("/supervision").WithTags("Supervision").RequireAuthorization();
        supervision.MapPost("/tasks/{taskId:int}/urge", UrgeAsync).WithName("SupervisionUrgeTask")
            .WithSummary("Send an urging notice (催办) to the lead unit of a running task (supervision office).");
        supervision.MapGet("/special-list", SpecialListAsync).WithName("SupervisionSpecialList")
            .WithSummary("Tasks on the special supervision list (专项督查), most recently added first.");
        return api;
    }

    private static async Task<Results<Ok<Paged<NoticeDto>>, ValidationProblem>> ListAsync(
        CurrentUser me, NoticeService service, IStringLocalizer<SupervisionText> t, bool? unread, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.ListAsync(me, unread == true, request, cancellationToken);
        return TypedResults.Ok(new Paged<NoticeDto>([.. items.Select(n => NoticeDto.From(n, NoticeWording.Sentence(n, t)))], request.Page, request.PageSize, total));
    }

    private static async Task<Ok<UnreadCountDto>> UnreadAsync(CurrentUser me, NoticeService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadCountDto(await service.UnreadCountAsync(me, cancellationToken)));

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(CurrentUser me, NoticeService service, long id, CancellationToken cancellationToken) =>
        await service.MarkReadAsync(me, id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("The notice");

    private static async Task<Results<Created<NoticeDto>, ValidationProblem, ProblemHttpResult>> UrgeAsync(
        CurrentUser me, NoticeService service, IStringLocalizer<SupervisionText> t, int taskId, UrgeRequest? body, CancellationToken cancellationToken)
    {
        var (outcome, notice, problem) = await service.UrgeAsync(me, taskId, body?.Message, cancellationToken);
        switch (outcome)
        {
            case UrgeOutcome.Sent:
                return TypedResults.Created($"/api/v1/notices/{notice!.Id}", NoticeDto.From(notice, NoticeWording.Sentence(notice, t)));
            case UrgeOutcome.Forbidden:
                return Problems.Forbidden(problem);
            case UrgeOutcome.NotFound:
                return Problems.NotFound("The task");
            case UrgeOutcome.NotRunning:
                return Problems.Conflict("The task cannot be urged now.", problem);
            default:
                var errors = new ValidationErrors();
                errors.Add("message", problem!);
                return Problems.Invalid(errors);
        }
    }

    private static async Task<Results<Ok<Paged<SpecialItemDto>>, ValidationProblem, ProblemHttpResult>> SpecialListAsync(
        CurrentUser me, NoticeService service, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!SupervisionPermissions.CanReadSpecialList(me))
        {
            return Problems.Forbidden("The special supervision list is for the supervision office, leaders and administrators.");
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.SpecialListAsync(request, cancellationToken);
        return TypedResults.Ok(new Paged<SpecialItemDto>(items, request.Page, request.PageSize, total));
    }
}
