using System.Globalization;
using System.Text.Json;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Calendar;
using Followthrough.Organization;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Followthrough.Tasks;

/// <summary>
/// /api/v1/tasks: lists with filters, one task with its ETag, create, edit (versioned), the steps of the cycle
/// (POST .../actions/{action}), progress reports with evidence (multipart), evidence downloads, the timeline.
/// </summary>
internal static class TasksApi
{
    /// <summary>A report may carry up to ten 10 MB files; the server's general limit is smaller.</summary>
    public const long MaxReportRequestBytes = (EvidenceCheck.MaxBytes * EvidenceCheck.MaxFilesPerReport) + (1024 * 1024);

    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListTasks").WithSummary("Tasks the caller may see, filtered and paged.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetTask").WithSummary("One task with its standing and the steps the caller may take; ETag is its version.");
        group.MapPost("/", CreateAsync).WithName("CreateTask").WithSummary("Create a draft task (supervision office).");
        group.MapPut("/{id:int}", UpdateAsync).WithName("UpdateTask").WithSummary("Edit a draft or returned task on the version given as If-Match or version.");
        group.MapPost("/{id:int}/actions/{action}", ActAsync).WithName("ActOnTask")
            .WithSummary("Take a step: assign, sign-for, return, report-progress, claim-completion, verify, send-back, reopen, request-extension, approve-extension, refuse-extension, cancel, return-report, split.");
        group.MapGet("/{id:int}/timeline", TimelineAsync).WithName("TaskTimeline").WithSummary("Every step taken on the task, with who, when and the comment.");
        group.MapGet("/{id:int}/reports", ReportsAsync).WithName("ListProgressReports").WithSummary("Progress reports of a task, newest first, with their evidence files.");
        group.MapGet("/{id:int}/report-schedule", ScheduleAsync).WithName("TaskReportSchedule").WithSummary("Reporting periods under the task's cadence: on time, late, missing, open.");
        group.MapPost("/{id:int}/reports", ReportAsync).WithName("SubmitProgressReport")
            .WithSummary("Report progress (multipart/form-data with evidence files); claimsCompletion=true claims completion.")
            .DisableAntiforgery() // token-authenticated API; the sign-in cookie is SameSite=Lax, so no cross-site form can use it
            .WithMetadata(new RequestSizeLimitAttribute(MaxReportRequestBytes));
        group.MapGet("/evidence/{fileId:long}", DownloadAsync).WithName("DownloadEvidence").WithSummary("An evidence file, for those who may see its task.");
        group.MapGet("/inbox", InboxAsync).WithName("UnitInbox").WithSummary("A unit's inbox: to sign for, reports owed, overdue, returned for rework.");
        group.MapGet("/board", BoardAsync).WithName("SupervisorBoard").WithSummary("The supervision office's board: overdue, due soon, awaiting verification, extension requests, returned.");
        group.MapGet("/overdue", OverdueAsync).WithName("OverdueTasks").WithSummary("Tasks past their deadline or a time node, most overdue first.");
        group.MapTaskListsApi();
        return api;
    }

    private static async Task<Results<Ok<Paged<TaskSummaryDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        CurrentUser me, TaskListReader queries, TaskDirectory directory,
        int? unitId, int? leaderId, OriginKind? origin, TaskState? state, string? tag, string? q, bool? overdue, int? parentId,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!TaskPermissions.CanReadTasks(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var filter = new TaskFilter(unitId, leaderId, origin, state, tag, q, overdue == true, parentId);
        var (rows, total) = await queries.ListAsync(me, filter, request.Skip, request.PageSize, cancellationToken: cancellationToken);
        await directory.PrepareAsync(rows.Select(r => r.Task), cancellationToken);
        return TypedResults.Ok(new Paged<TaskSummaryDto>([.. rows.Select(r => TaskSummaryDto.From(r, directory))], request.Page, request.PageSize, total));
    }

    private static async Task<Results<Ok<TaskDetailDto>, ProblemHttpResult, ValidationProblem>> GetAsync(
        int id, CurrentUser me, TaskPage reader, TaskDirectory directory, HttpResponse response, CancellationToken cancellationToken)
    {
        var view = await reader.ViewAsync(me, id, cancellationToken);
        if (!view.IsDone)
        {
            return TaskProblems.Refuse<Ok<TaskDetailDto>>(view.Refusal);
        }

        Versions.SetETag(response, view.Value!.Task.Version);
        return TypedResults.Ok(await TaskDetails.BuildAsync(view.Value, directory, cancellationToken));
    }

    private static async Task<Results<Created<TaskDetailDto>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        TaskRequest body, CurrentUser me, TaskWriting tasks, TaskPage reader, TaskDirectory directory, HttpResponse response, CancellationToken cancellationToken)
    {
        var created = await tasks.CreateAsync(me, body.ToInput(), cancellationToken);
        if (!created.IsDone)
        {
            return TaskProblems.Refuse<Created<TaskDetailDto>>(created.Refusal);
        }

        var view = await reader.ViewAsync(me, created.Value!.Id, cancellationToken);
        Versions.SetETag(response, created.Value.Version);
        return TypedResults.Created($"/api/v1/tasks/{created.Value.Id.ToString(CultureInfo.InvariantCulture)}", await TaskDetails.BuildAsync(view.Value!, directory, cancellationToken));
    }

    private static async Task<Results<Ok<TaskDetailDto>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        int id, TaskRequest body, CurrentUser me, TaskWriting tasks, TaskPage reader, TaskDirectory directory,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var updated = await tasks.UpdateAsync(me, id, Versions.Expected(request, body.Version), body.ToInput(), cancellationToken);
        return await AnswerAsync(updated, me, reader, directory, response, cancellationToken);
    }

    private static async Task<Results<Ok<TaskDetailDto>, ProblemHttpResult, ValidationProblem>> ActAsync(
        int id, string action, ActionRequest? body, CurrentUser me, LifecycleSteps steps, TaskWriting tasks, TaskPage reader, TaskDirectory directory,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!TaskActions.TryParse(action, out var step))
        {
            return Problems.NotFound($"The step '{action}'");
        }

        body ??= new ActionRequest(null, null, null, null, null);
        var input = new ActionInput
        {
            Comment = body.Comment,
            Version = Versions.Expected(request, body.Version),
            NewDeadline = body.NewDeadline,
            LeadUnitId = body.LeadUnitId,
            ReportId = body.ReportId,
        };
        var done = await steps.ActAsync(me, id, step, input, cancellationToken);
        if (!done.IsDone && done.Kind is OutcomeKind.Forbidden or OutcomeKind.NotNow)
        {
            var state = (await tasks.LoadAsync(id, cancellationToken))?.State;
            return TaskProblems.Refuse<Ok<TaskDetailDto>>(done.Refusal, state);
        }

        return await AnswerAsync(done, me, reader, directory, response, cancellationToken);
    }

    private static async Task<Results<Ok<TaskDetailDto>, ProblemHttpResult, ValidationProblem>> AnswerAsync(
        Outcome<WorkTask> outcome, CurrentUser me, TaskPage reader, TaskDirectory directory, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!outcome.IsDone)
        {
            return TaskProblems.Refuse<Ok<TaskDetailDto>>(outcome.Refusal);
        }

        var view = await reader.ViewAsync(me, outcome.Value!.Id, cancellationToken);
        if (!view.IsDone)
        {
            return TaskProblems.Refuse<Ok<TaskDetailDto>>(view.Refusal);
        }

        Versions.SetETag(response, view.Value!.Task.Version);
        return TypedResults.Ok(await TaskDetails.BuildAsync(view.Value, directory, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<TaskEventDto>>, ProblemHttpResult, ValidationProblem>> TimelineAsync(
        int id, CurrentUser me, TaskPage reader, CancellationToken cancellationToken)
    {
        var view = await reader.ViewAsync(me, id, cancellationToken);
        if (!view.IsDone)
        {
            return TaskProblems.Refuse<Ok<IReadOnlyList<TaskEventDto>>>(view.Refusal);
        }

        var events = await reader.TimelineAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TaskEventDto>>([.. events.Select(e =>
            new TaskEventDto(e.Id, e.OccurredAt, e.ActorName, e.Action, e.FromState, e.ToState, e.Comment, e.Details))]);
    }

    private static async Task<Results<Ok<Paged<ReportDto>>, ProblemHttpResult, ValidationProblem>> ReportsAsync(
        int id, CurrentUser me, TaskPage reader, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var view = await reader.ViewAsync(me, id, cancellationToken);
        if (!view.IsDone)
        {
            return TaskProblems.Refuse<Ok<Paged<ReportDto>>>(view.Refusal);
        }

        var (items, total) = await reader.ReportsAsync(id, request.Skip, request.PageSize, cancellationToken: cancellationToken);
        return TypedResults.Ok(new Paged<ReportDto>([.. items.Select(i => ReportDto.From(i.Report, i.Files))], request.Page, request.PageSize, total));
    }

    private static async Task<Results<Ok<ReportScheduleDto>, ProblemHttpResult, ValidationProblem>> ScheduleAsync(
        int id, CurrentUser me, TaskPage reader, CancellationToken cancellationToken)
    {
        var view = await reader.ViewAsync(me, id, cancellationToken);
        if (!view.IsDone)
        {
            return TaskProblems.Refuse<Ok<ReportScheduleDto>>(view.Refusal);
        }

        var task = view.Value!.Task;
        return TypedResults.Ok(new ReportScheduleDto(task.ReportingCadence, task.NextReportDue, await reader.ScheduleAsync(task, cancellationToken)));
    }

    private static async Task<Results<Created<ReportDto>, ProblemHttpResult, ValidationProblem>> ReportAsync(
        int id, [FromForm] ReportForm form, IFormFileCollection? files, CurrentUser me, ProgressService progress, TaskWriting tasks,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var uploads = new List<UploadedFile>();
        var errors = new ValidationErrors();
        foreach (var file in files ?? new FormFileCollection())
        {
            if (file.Length > EvidenceCheck.MaxBytes)
            {
                errors.Add("files", $"{file.FileName} is larger than {EvidenceCheck.MaxBytes / (1024 * 1024)} MB.");
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            uploads.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var input = form.ToInput() with { Version = Versions.Expected(request, form.Version) };
        // Checked here, saved in the report writer's next batch and answered once that is on disk (see ReportGroupCommit).
        var reported = await progress.ReportAsync(me, id, input, uploads, cancellationToken);
        if (!reported.IsDone)
        {
            var state = reported.Kind is OutcomeKind.Forbidden or OutcomeKind.NotNow ? (await tasks.LoadAsync(id, cancellationToken))?.State : null;
            return TaskProblems.Refuse<Created<ReportDto>>(reported.Refusal, state);
        }

        var result = reported.Value!;
        Versions.SetETag(response, result.Task.Version);
        return TypedResults.Created(
            $"/api/v1/tasks/{id.ToString(CultureInfo.InvariantCulture)}/reports",
            ReportDto.From(result.Report, result.Evidence));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        long fileId, CurrentUser me, ProgressService progress, CancellationToken cancellationToken)
    {
        var download = await progress.DownloadAsync(me, fileId, cancellationToken);
        if (!download.IsDone)
        {
            return TaskProblems.Refuse<FileContentHttpResult>(download.Refusal);
        }

        var file = download.Value!;
        return TypedResults.File(file.Content, file.File.ContentType, file.File.FileName);
    }

    private static async Task<Results<Ok<InboxDto>, CachedInboxJson, ProblemHttpResult, ValidationProblem>> InboxAsync(
        int? unitId, CurrentUser me, TaskListReader queries, TaskDirectory directory, UnitRevisions revisions, InboxCache cache,
        CalendarService calendars, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        // Unit staff see their own unit's inbox; the office and leaders may look at any unit's.
        var unit = me.Role == Role.UnitStaff ? me.UnitId : unitId;
        if (!TaskPermissions.CanReadTasks(me) || (me.Role == Role.UnitStaff && unitId is not null && unitId != me.UnitId))
        {
            return Problems.Forbidden("Unit staff see their own unit's inbox.");
        }

        if (unit is null)
        {
            var errors = new ValidationErrors();
            errors.Add("unitId", "Say whose inbox: unitId.");
            return Problems.Invalid(errors);
        }

        // Read before the rows: an inbox built after this read is at least as new as the key it is kept under.
        var key = new InboxKey(await revisions.ReadAsync(unit.Value, cancellationToken), queries.Today, calendars.Latest);
        if (cache.TryGet(unit.Value, key, out var kept))
        {
            return new CachedInboxJson(kept);
        }

        await directory.LoadUnitsAsync([unit.Value], cancellationToken);
        if (directory.Unit(unit.Value) is not { } found)
        {
            return Problems.NotFound("The unit");
        }

        var inbox = await queries.InboxAsync(unit.Value, cancellationToken);
        await directory.PrepareRowsAsync(new[] { inbox.ToSignFor, inbox.ToReport, inbox.Overdue, inbox.Returned }.SelectMany(s => s.Rows).Select(r => r.Task), cancellationToken);
        var answer = new InboxDto(UnitRef.From(found), Section(inbox.ToSignFor, directory), Section(inbox.ToReport, directory),
            Section(inbox.Overdue, directory), Section(inbox.Returned, directory));
        var written = JsonSerializer.SerializeToUtf8Bytes(answer, json.Value.SerializerOptions);
        cache.Remember(unit.Value, key, written);
        return new CachedInboxJson(written);
    }

    private static async Task<Results<Ok<BoardDto>, ProblemHttpResult>> BoardAsync(
        CurrentUser me, TaskListReader queries, TaskDirectory directory, CancellationToken cancellationToken)
    {
        if (me.Role is not (Role.Supervisor or Role.Leader or Role.Administrator))
        {
            return Problems.Forbidden("The board is the supervision office's and the leaders'.");
        }

        var board = await queries.BoardAsync(cancellationToken);
        TaskSection[] sections = [board.Overdue, board.DueSoon, board.AwaitingVerification, board.ExtensionRequests, board.ReturnedByUnits];
        await directory.PrepareAsync(sections.SelectMany(s => s.Rows).Select(r => r.Task), cancellationToken);
        return TypedResults.Ok(new BoardDto(Section(board.Overdue, directory), Section(board.DueSoon, directory),
            Section(board.AwaitingVerification, directory), Section(board.ExtensionRequests, directory), Section(board.ReturnedByUnits, directory)));
    }

    private static async Task<Results<Ok<Paged<TaskSummaryDto>>, ProblemHttpResult, ValidationProblem>> OverdueAsync(
        int? unitId, int? page, int? pageSize, CurrentUser me, TaskListReader queries, TaskDirectory directory, CancellationToken cancellationToken)
    {
        if (!TaskPermissions.CanReadTasks(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var filter = new TaskFilter(UnitId: unitId, OverdueOnly: true);
        var (rows, total) = await queries.ListAsync(me, filter, request.Skip, request.PageSize, byDue: true, cancellationToken);
        await directory.PrepareAsync(rows.Select(r => r.Task), cancellationToken);
        return TypedResults.Ok(new Paged<TaskSummaryDto>([.. rows.Select(r => TaskSummaryDto.From(r, directory))], request.Page, request.PageSize, total));
    }

    private static SectionDto Section(TaskSection section, TaskDirectory directory) =>
        new([.. section.Rows.Select(r => TaskSummaryDto.From(r, directory))], section.Total);
}

/// <summary>The fields of a progress report form (multipart/form-data); files go in "files".</summary>
internal sealed class ReportForm
{
    public int? Version { get; set; }

    public int? Percent { get; set; }

    public string? PercentNote { get; set; }

    public string? Done { get; set; }

    public string? NextSteps { get; set; }

    public string? Difficulties { get; set; }

    public string? SupportNeeded { get; set; }

    public bool ClaimsCompletion { get; set; }

    public int? ReachedTimeNodeId { get; set; }

    public ReportInput ToInput() => new()
    {
        Version = Version,
        Percent = Percent,
        PercentNote = PercentNote,
        Done = Done,
        NextSteps = NextSteps,
        Difficulties = Difficulties,
        SupportNeeded = SupportNeeded,
        ClaimsCompletion = ClaimsCompletion,
        ReachedTimeNodeId = ReachedTimeNodeId,
    };
}
