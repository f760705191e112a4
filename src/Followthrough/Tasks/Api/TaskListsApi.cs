using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Followthrough.Web.Security;

namespace Followthrough.Tasks;

/// <summary>
/// The three lists (JSON pages, or the whole list as ?format=csv or ?format=xlsx in the caller's language) and the
/// import of a decomposition table.
/// </summary>
internal static class TaskListsApi
{
    /// <summary>An export holds at most this many rows; narrow the filter for more.</summary>
    public const int MaxExportRows = 20000;

    public const long MaxImportBytes = 10 * 1024 * 1024;

    public static RouteGroupBuilder MapTaskListsApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/lists/tasks", TaskListAsync).WithName("TaskList").RequireRateLimiting(RateLimits.FileExports).WithSummary("The task list (任务清单): JSON page, or the whole list as ?format=csv|xlsx.");
        group.MapGet("/lists/responsibility", ResponsibilityAsync).WithName("ResponsibilityList").RequireRateLimiting(RateLimits.FileExports).WithSummary("The responsibility list (责任清单): unit → tasks it leads or co-operates on.");
        group.MapGet("/lists/time-nodes", TimeNodesAsync).WithName("TimeNodeList").RequireRateLimiting(RateLimits.FileExports).WithSummary("The time-node list (时限清单): date → deadlines and time nodes due.");
        group.MapPost("/import", ImportAsync).WithName("ImportTasks").RequireRateLimiting(RateLimits.Expensive)
            .WithSummary("Import a task-decomposition table (.xlsx or .csv) as draft tasks; all rows or none, with every bad row and cell listed.")
            .DisableAntiforgery() // token-authenticated API; the sign-in cookie is SameSite=Lax
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + (1024 * 1024)));
        return group;
    }

    private static async Task<Results<Ok<Paged<TaskSummaryDto>>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> TaskListAsync(
        CurrentUser me, TaskListReader queries, TaskDirectory directory, IStringLocalizer<TasksText> t,
        int? unitId, int? leaderId, OriginKind? origin, TaskState? state, string? tag, string? q, bool? overdue,
        string? format, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!TaskPermissions.CanReadTasks(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        var export = ListExport.Format(format, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var filter = new TaskFilter(unitId, leaderId, origin, state, tag, q, overdue == true);
        var (rows, total) = export is null
            ? await queries.ListAsync(me, filter, request.Skip, request.PageSize, cancellationToken: cancellationToken)
            : await queries.ListAsync(me, filter, 0, MaxExportRows, cancellationToken: cancellationToken);
        await directory.PrepareAsync(rows.Select(r => r.Task), cancellationToken);
        return export is null
            ? TypedResults.Ok(new Paged<TaskSummaryDto>([.. rows.Select(r => TaskSummaryDto.From(r, directory))], request.Page, request.PageSize, total))
            : ListExport.File(ListTables.Tasks(rows, directory, t, CultureInfo.CurrentUICulture), export, "tasks");
    }

    private static async Task<Results<Ok<Paged<ResponsibilityDto>>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ResponsibilityAsync(
        CurrentUser me, DecompositionLists lists, TaskDirectory directory, IStringLocalizer<TasksText> t,
        int? unitId, string? format, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!TaskPermissions.CanReadTasks(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        var export = ListExport.Format(format, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (rows, total) = await lists.ResponsibilityAsync(me, unitId, export is null ? request.Skip : 0, export is null ? request.PageSize : MaxExportRows, cancellationToken: cancellationToken);
        var units = await directory.UnitsAsync(cancellationToken);
        return export is null
            ? TypedResults.Ok(new Paged<ResponsibilityDto>([.. rows.Select(r => new ResponsibilityDto(
                UnitRef.From(units[r.UnitId]), r.IsLead ? "lead" : "co-operating", r.TaskId, r.TaskCode, r.Title, r.Part, r.State,
                r.DeadlineKind, r.Deadline, r.DeadlineWorkingDays))], request.Page, request.PageSize, total))
            : ListExport.File(ListTables.Responsibilities(rows, directory, t, CultureInfo.CurrentUICulture), export, "responsibility");
    }

    private static async Task<Results<Ok<Paged<TimeLimitDto>>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> TimeNodesAsync(
        CurrentUser me, DecompositionLists lists, TaskDirectory directory, TaskWriting tasks, IStringLocalizer<TasksText> t,
        DateOnly? from, DateOnly? to, int? unitId, string? format, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!TaskPermissions.CanReadTasks(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        var export = ListExport.Format(format, errors);
        var first = from ?? tasks.Today;
        var last = to ?? first.AddMonths(3);
        if (last < first || last.DayNumber - first.DayNumber > 3660)
        {
            errors.Add("to", "The period runs from 'from' to 'to', at most ten years.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (rows, total) = await lists.TimeLimitsAsync(me, first, last, unitId, export is null ? request.Skip : 0, export is null ? request.PageSize : MaxExportRows, cancellationToken: cancellationToken);
        var units = await directory.UnitsAsync(cancellationToken);
        return export is null
            ? TypedResults.Ok(new Paged<TimeLimitDto>([.. rows.Select(r => new TimeLimitDto(
                r.Date, r.IsDeadline ? "deadline" : "time-node", r.NodeTitle, r.ReachedOn, r.TaskId, r.TaskCode, r.Title, r.State,
                UnitRef.From(units[r.LeadUnitId])))], request.Page, request.PageSize, total))
            : ListExport.File(ListTables.TimeLimits(rows, directory, t, CultureInfo.CurrentUICulture), export, "time-nodes");
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        IFormFile? file, [FromForm] OriginKind? originKind, [FromForm] string? originReference, [FromForm] bool? dryRun,
        CurrentUser me, DecompositionImport import, CancellationToken cancellationToken)
    {
        if (!TaskPermissions.CanManageTasks(me))
        {
            return Problems.Forbidden("Only the supervision office imports tasks.");
        }

        var errors = new ValidationErrors();
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Attach the decomposition table (.xlsx or .csv) as 'file'.");
        }
        else if (file.Length > MaxImportBytes)
        {
            errors.Add("file", $"The table is larger than {MaxImportBytes / (1024 * 1024)} MB.");
        }

        if ((originReference?.Length ?? 0) > TaskValidation.MaxShort)
        {
            errors.Add("originReference", $"The origin reference must be at most {TaskValidation.MaxShort} characters.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, cancellationToken);
        var source = new ImportSource(originKind ?? OriginKind.Manual, string.IsNullOrWhiteSpace(originReference) ? null : originReference.Trim());
        var report = await import.ImportAsync(file.FileName, buffer.ToArray(), source, me.PersonId, dryRun == true, cancellationToken);
        return report.Succeeded
            ? TypedResults.Ok(report)
            : TypedResults.Problem(
                title: "The table has errors; nothing was imported.",
                detail: $"{report.Errors.Count} problem(s); each names its row (the header is row 1) and column.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = report.Errors, ["warnings"] = report.Warnings });
    }
}

internal sealed record ResponsibilityDto(
    UnitRef Unit, string Role, int TaskId, string TaskCode, string Title, string Part, TaskState State,
    DeadlineKind DeadlineKind, DateOnly? Deadline, int? DeadlineWorkingDays);

internal sealed record TimeLimitDto(
    DateOnly Date, string Kind, string? NodeTitle, DateOnly? ReachedOn, int TaskId, string TaskCode, string Title, TaskState State, UnitRef LeadUnit);
