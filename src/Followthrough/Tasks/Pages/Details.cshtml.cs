using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Organization.Pages;
using Followthrough.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Tasks.Pages;

/// <summary>
/// One task: what, who, by when and where it stands; the steps the reader may take now, as forms with a comment;
/// the progress report form with evidence; sub-tasks, extension requests, reporting periods, reports, the timeline
/// and the field-level history.
/// </summary>
[RequestSizeLimit(TasksApi.MaxReportRequestBytes)]
internal sealed class DetailsModel(
    TaskPage reader, LifecycleSteps steps, ProgressService progress, TaskDirectory directory, AuditTrail audit,
    CurrentUser me, IStringLocalizer<TasksText> text, IEnumerable<ITaskSourceQuotes> quotes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    /// <summary>The step just taken (after the redirect), to confirm it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public DateOnly? NewDeadline { get; set; }

    [BindProperty]
    public int? LeadUnitId { get; set; }

    [BindProperty]
    public ReportFields Report { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public TaskView View { get; private set; } = null!;

    public TaskDirectory Directory => directory;

    public IReadOnlyList<TaskEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<(ProgressReport Report, IReadOnlyList<EvidenceFile> Files)> Reports { get; private set; } = [];

    public int ReportCount { get; private set; }

    public IReadOnlyList<ReportPeriod> Schedule { get; private set; } = [];

    public IReadOnlyList<AuditHistoryEntry> History { get; private set; } = [];

    /// <summary>For a task made from a document: the sentence it came from (shown with a link back to the review page).</summary>
    /// <summary>The sentence the task was made from, where a module that keeps documents says so.</summary>
    private async Task<TaskSourceQuote?> QuoteAsync(CancellationToken cancellationToken) =>
        quotes.FirstOrDefault() is { } source ? await source.ForTaskAsync(Id, cancellationToken) : null;

    public TaskSourceQuote? Source { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>The form that failed (a step name, or "report"), so its fields show their errors.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>A refusal to show at the top (not allowed, not now, changed by someone else).</summary>
    public string? Problem { get; private set; }

    public bool CanEdit => TaskPermissions.CanManageTasks(me) && View.Task.State is TaskState.Draft or TaskState.Returned;

    public bool CanReport => View.Allowed.Contains(TaskAction.ReportProgress) || View.Allowed.Contains(TaskAction.ClaimCompletion);

    /// <summary>The steps shown as their own forms; reporting and claiming share the report form.</summary>
    public IEnumerable<TaskAction> StepForms => View.Allowed.Where(a => a is not (TaskAction.ReportProgress or TaskAction.ClaimCompletion));

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostActAsync()
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        if (!TaskActions.TryParse(Step, out var action))
        {
            return BadRequest();
        }

        var outcome = await steps.ActAsync(me, Id, action, new ActionInput
        {
            Comment = Comment,
            Version = Version,
            NewDeadline = NewDeadline,
            LeadUnitId = LeadUnitId,
        }, HttpContext.RequestAborted);
        return outcome.IsDone
            ? LocalRedirect($"/tasks/{Id}?done={action.Name()}")
            : await RefusedAsync(outcome.Refusal, action.Name());
    }

    public async Task<IActionResult> OnPostReportAsync()
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        var uploads = new List<UploadedFile>();
        var tooLarge = new ValidationErrors();
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            if (file.Length > EvidenceCheck.MaxBytes)
            {
                tooLarge.Add("files", $"{file.FileName} is larger than {EvidenceCheck.MaxBytes / (1024 * 1024)} MB.");
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            uploads.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        if (!tooLarge.IsEmpty)
        {
            return await RefusedAsync(new Refusal(OutcomeKind.Invalid, null, [], null, tooLarge), "report");
        }

        var outcome = await progress.ReportAsync(me, Id, Report.ToInput(Version), uploads, HttpContext.RequestAborted);
        var name = Report.ClaimsCompletion ? TaskAction.ClaimCompletion.Name() : TaskAction.ReportProgress.Name();
        return outcome.IsDone
            ? LocalRedirect($"/tasks/{Id}?done={name}")
            : await RefusedAsync(outcome.Refusal, "report");
    }

    private async Task<IActionResult> RefusedAsync(Refusal failure, string form)
    {
        var denied = await LoadAsync(keepForm: true);
        if (denied is not null)
        {
            return denied;
        }

        FailedForm = form;
        switch (failure.Kind)
        {
            case OutcomeKind.Invalid:
                Errors = FormErrors.From(failure.Errors!, text);
                break;
            case OutcomeKind.Stale:
                Problem = text["Someone else changed this task while you were working on it. It is shown as it is now; nothing of yours was saved. Check it and send your step again."];
                break;
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                Problem = text[failure.Reason ?? "This step is not possible now."];
                break;
        }

        Response.StatusCode = failure.Kind switch
        {
            OutcomeKind.Invalid => StatusCodes.Status400BadRequest,
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        return Page();
    }

    /// <summary>Loads everything the page shows; an answer (sign in, 403, 404) when the reader may not see it.</summary>
    private async Task<IActionResult?> LoadAsync(bool keepForm = false)
    {
        if (PageGate.Check(this, me, TaskPermissions.CanReadTasks) is { } denied)
        {
            return denied;
        }

        var view = await reader.ViewAsync(me, Id, HttpContext.RequestAborted);
        if (view.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!view.IsDone)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        View = view.Value!;
        Version = View.Task.Version; // the forms act on what is shown now
        if (!keepForm)
        {
            Report = new ReportFields { Percent = View.Task.Percent };
        }

        await directory.PrepareAsync([View.Task, .. View.SubTasks.Select(s => s.Task)], HttpContext.RequestAborted);
        Timeline = await reader.TimelineAsync(Id, HttpContext.RequestAborted);
        await directory.LoadPeopleAsync(Timeline.Select(e => e.ActorId), HttpContext.RequestAborted);
        (Reports, ReportCount) = await reader.ReportsAsync(Id, 0, 20, HttpContext.RequestAborted);
        Schedule = await reader.ScheduleAsync(View.Task, HttpContext.RequestAborted);
        History = await audit.HistoryAsync("tasks", Id, HttpContext.RequestAborted);
        Source = View.Task.OriginKind == OriginKind.Directive ? await QuoteAsync(HttpContext.RequestAborted) : null;
        return null;
    }

    /// <summary>Who took a step, by name when the person is known.</summary>
    public string Actor(TaskEvent step, System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(step);
        return directory.Person(step.ActorId) is { } person ? $"{person.DisplayName(culture)} ({step.ActorName})" : step.ActorName;
    }
}

/// <summary>The fields of the progress report form.</summary>
internal sealed class ReportFields
{
    public int? Percent { get; set; }

    public string? PercentNote { get; set; }

    public string? Done { get; set; }

    public string? NextSteps { get; set; }

    public string? Difficulties { get; set; }

    public string? SupportNeeded { get; set; }

    public bool ClaimsCompletion { get; set; }

    public int? ReachedTimeNodeId { get; set; }

    public ReportInput ToInput(int version) => new()
    {
        Version = version,
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
