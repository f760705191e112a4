using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Organization.Pages;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Tasks.Pages;

/// <summary>
/// The task form shared by "new task" and "edit task" (supervision office only). The deadline is a date, a number
/// of working days counted from assignment, or none (long-term work). Co-operating units and time nodes are rows,
/// with a few empty ones to fill in, so the form needs no JavaScript.
/// </summary>
internal abstract class TaskFormPage(TaskDirectory directory, CurrentUser me, IStringLocalizer<TasksText> text) : PageModel
{
    public const int BlankRows = 3;

    [BindProperty]
    public TaskFormFields Form { get; set; } = new();

    public FormErrors Errors { get; protected set; } = FormErrors.None;

    public string? Problem { get; protected set; }

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public IReadOnlyList<PersonEntry> Leaders { get; private set; } = [];

    protected CurrentUser Me => me;

    protected IStringLocalizer<TasksText> Text => text;

    public abstract string Heading { get; }

    public abstract string Action { get; }

    protected IActionResult? Denied() => PageGate.Check(this, me, TaskPermissions.CanManageTasks);

    protected async Task LoadOptionsAsync()
    {
        Units = [.. (await directory.UnitsAsync(HttpContext.RequestAborted)).Values.Where(u => u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal)];
        Leaders = await directory.LeadersAsync(HttpContext.RequestAborted);
        while (Form.Partners.Count(p => p.UnitId is null) < BlankRows)
        {
            Form.Partners.Add(new PartnerRow());
        }

        while (Form.TimeNodes.Count(n => n.DueOn is null) < BlankRows)
        {
            Form.TimeNodes.Add(new TimeNodeRow());
        }
    }

    protected async Task<IActionResult> InvalidAsync(ValidationErrors errors)
    {
        Errors = FormErrors.From(errors, text);
        await LoadOptionsAsync();
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
        return Page();
    }
}

/// <summary>The fields of the task form, as posted.</summary>
internal sealed class TaskFormFields
{
    public string? Code { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public OriginKind OriginKind { get; set; } = OriginKind.Manual;

    public string? OriginReference { get; set; }

    public int? LeadLeaderId { get; set; }

    public int? LeadUnitId { get; set; }

    public SupervisionLevel SupervisionLevel { get; set; } = SupervisionLevel.Routine;

    public DateOnly? StartDate { get; set; }

    public DeadlineKind DeadlineKind { get; set; } = DeadlineKind.Date;

    public DateOnly? Deadline { get; set; }

    public int? DeadlineWorkingDays { get; set; }

    public ReportingCadence ReportingCadence { get; set; } = ReportingCadence.Monthly;

    public string? Tags { get; set; }

    public List<PartnerRow> Partners { get; set; } = [];

    public List<TimeNodeRow> TimeNodes { get; set; } = [];

    public int Version { get; set; }

    public TaskInput ToInput() => new()
    {
        Code = Code,
        Title = Title,
        Description = Description,
        OriginKind = OriginKind,
        OriginReference = OriginReference,
        LeadLeaderId = LeadLeaderId,
        LeadUnitId = LeadUnitId,
        SupervisionLevel = SupervisionLevel,
        StartDate = StartDate,
        DeadlineKind = DeadlineKind,
        Deadline = Deadline,
        DeadlineWorkingDays = DeadlineWorkingDays,
        ReportingCadence = ReportingCadence,
        Tags = TaskTag.Split(Tags),
        Partners = [.. Partners.Where(p => p.UnitId is not null).Select(p => new PartnerInput(p.UnitId!.Value, p.Part))],
        TimeNodes = [.. TimeNodes.Where(n => n.DueOn is not null || !string.IsNullOrWhiteSpace(n.Title)).Select(n => new TimeNodeInput(n.Title, n.DueOn ?? DateOnly.MinValue))],
    };

    public static TaskFormFields From(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskFormFields
        {
            Code = task.Code,
            Title = task.Title,
            Description = task.Description,
            OriginKind = task.OriginKind,
            OriginReference = task.OriginReference,
            LeadLeaderId = task.LeadLeaderId,
            LeadUnitId = task.LeadUnitId,
            SupervisionLevel = task.SupervisionLevel,
            StartDate = task.StartDate,
            DeadlineKind = task.DeadlineKind,
            Deadline = task.Deadline,
            DeadlineWorkingDays = task.DeadlineWorkingDays,
            ReportingCadence = task.ReportingCadence,
            Tags = string.Join(", ", task.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)),
            Partners = [.. task.Partners.OrderBy(p => p.Id).Select(p => new PartnerRow { UnitId = p.UnitId, Part = p.Part })],
            TimeNodes = [.. task.TimeNodes.OrderBy(n => n.DueOn).Select(n => new TimeNodeRow { DueOn = n.DueOn, Title = n.Title })],
            Version = task.Version,
        };
    }
}

internal sealed class PartnerRow
{
    public int? UnitId { get; set; }

    public string? Part { get; set; }
}

internal sealed class TimeNodeRow
{
    public DateOnly? DueOn { get; set; }

    public string? Title { get; set; }
}
