using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>
/// Takes one step of the cycle on a task: asks <see cref="TaskLifecycle"/> whether this person may take it now,
/// checks the step's own fields, applies it, and records it on the timeline and in the audit trail in one save.
/// Progress reports and completion claims go through <see cref="ProgressService"/>, which shares the same table.
/// </summary>
internal sealed class LifecycleSteps(FollowthroughDb db, TaskWriting tasks, ProgressService progress, OrganizationDirectory organization)
{
    public const int MaxComment = 2000;

    public async Task<Outcome<WorkTask>> ActAsync(CurrentUser user, int taskId, TaskAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        if (action is TaskAction.ReportProgress or TaskAction.ClaimCompletion)
        {
            var report = new ReportInput { Version = input.Version, ClaimsCompletion = action == TaskAction.ClaimCompletion, Done = input.Comment };
            var reported = await progress.ReportAsync(user, taskId, report with { Percent = null }, [], cancellationToken);
            return reported.IsDone ? Outcome.Done(reported.Value!.Task) : reported.As<WorkTask>();
        }

        returned = null;
        var task = await tasks.LoadAsync(taskId, cancellationToken);
        if (task is null)
        {
            return Outcome.NotFound<WorkTask>();
        }

        var role = await tasks.RoleAsync(user, task, cancellationToken);
        var facts = await tasks.FactsAsync(task, cancellationToken);
        if (Refusal(task, action, role, facts) is { } refusal)
        {
            return refusal;
        }

        // Acting on a version that is no longer current is stale, whatever else is wrong with the step.
        if (input.Version is { } seen && seen != task.Version)
        {
            return Outcome.Stale<WorkTask>(task.Version);
        }

        var errors = new ValidationErrors();
        CheckCommon(action, input, errors);
        var today = tasks.Today;
        var from = task.State;
        var next = TaskLifecycle.Decide(task.State, action, role, facts).Next!.Value;
        string? details = null;
        switch (action)
        {
            case TaskAction.Assign:
                details = await AssignAsync(task, input, today, errors, cancellationToken);
                break;
            case TaskAction.SignFor:
                task.SignedOn = today;
                break;
            case TaskAction.Return:
                task.SignForBy = null;
                break;
            case TaskAction.Verify:
                task.ClosedOn = today;
                task.NeedsRework = false;
                break;
            case TaskAction.SendBack:
                task.CompletionClaimedOn = null;
                task.NeedsRework = true;
                break;
            case TaskAction.Reopen:
                task.ClosedOn = null;
                task.CompletionClaimedOn = null;
                task.NeedsRework = true;
                break;
            case TaskAction.RequestExtension:
                details = RequestExtension(task, input, today, errors);
                break;
            case TaskAction.ApproveExtension or TaskAction.RefuseExtension:
                details = await DecideExtensionAsync(task, action == TaskAction.ApproveExtension, input, today, errors, cancellationToken);
                break;
            case TaskAction.Cancel:
                await CloseExtensionsAsync(task, "Task cancelled.", cancellationToken);
                break;
            case TaskAction.ReturnReport:
                details = await ReturnReportAsync(task, input, errors, cancellationToken);
                break;
            case TaskAction.Split:
                details = await SplitAsync(task, today, cancellationToken);
                break;
        }

        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid<WorkTask>(errors);
        }

        db.Entry(task).Property(t => t.Version).OriginalValue = input.Version!.Value;
        task.State = next;
        task.RefreshDue(await tasks.AcceptedReportDatesAsync(task.Id, returned, cancellationToken), today);
        tasks.Record(task, action.Name(), from, next, input.Comment, details);
        db.DescribeNextSave(action.Name(), input.Comment);
        return await tasks.SaveAsync(task, cancellationToken);
    }

    /// <summary>403 when the step is never this person's, 409 when it is not possible now; both list what is.</summary>
    internal static Outcome<WorkTask>? Refusal(WorkTask task, TaskAction action, TaskRole? role, TaskFacts facts)
    {
        var decision = TaskLifecycle.Decide(task.State, action, role, facts);
        var allowed = TaskLifecycle.Allowed(task.State, role, facts);
        return decision.Verdict switch
        {
            TaskVerdict.NotYourPart => Outcome.Forbidden<WorkTask>(
                role is null ? "This task is not yours to see or act on." : decision.Reason!, allowed.Names()),
            TaskVerdict.NotNow => Outcome.NotNow<WorkTask>(decision.Reason!, allowed.Names()),
            _ => null,
        };
    }

    private static void CheckCommon(TaskAction action, ActionInput input, ValidationErrors errors)
    {
        if (input.Version is null)
        {
            errors.Add("version", "Send the version you acted on (If-Match header or version field).");
        }

        if (action.NeedsReason() && string.IsNullOrWhiteSpace(input.Comment))
        {
            errors.Add("comment", "Say why: this step needs a reason.");
        }

        if ((input.Comment?.Length ?? 0) > MaxComment)
        {
            errors.Add("comment", $"The comment must be at most {MaxComment} characters.");
        }
    }

    /// <summary>交办: counts a working-day deadline from today, and gives the unit its sign-for date.</summary>
    private async Task<string?> AssignAsync(WorkTask task, ActionInput input, DateOnly today, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (input.LeadUnitId is { } unitId && unitId != task.LeadUnitId)
        {
            if (!(await organization.ActiveUnitIdsAsync([unitId], cancellationToken)).Contains(unitId))
            {
                errors.Add("leadUnitId", "The lead unit does not exist or is inactive.");
            }
            else if (task.Partners.Exists(p => p.UnitId == unitId))
            {
                errors.Add("leadUnitId", "That unit is a co-operating unit of this task; remove it there first.");
            }
            else
            {
                task.LeadUnitId = unitId;
                task.ResponsiblePersonId = null;
            }
        }

        var calendar = tasks.Calendar;
        switch (task.DeadlineKind)
        {
            case DeadlineKind.WorkingDays when task.DeadlineWorkingDays is { } days:
                task.Deadline = calendar.Add(today, days);
                task.DeadlineProvisional = calendar.AnyProvisional(today, task.Deadline.Value);
                break;
            case DeadlineKind.Date when task.Deadline is { } deadline:
                if (deadline < today)
                {
                    errors.Add("deadline", "The deadline has already passed; edit the task first.");
                }

                task.DeadlineProvisional = calendar.AnyProvisional(today, deadline);
                break;
            case DeadlineKind.None:
                task.Deadline = null;
                task.DeadlineProvisional = false;
                break;
            default:
                errors.Add("deadline", "The task has no deadline; edit the task first.");
                break;
        }

        task.AssignedOn = today;
        task.SignForBy = calendar.Add(today, tasks.Options.SignForWorkingDays);
        task.SignedOn = null;
        task.NeedsRework = false;
        return task.Deadline is { } due ? $"deadline {Iso(due)}" : "no fixed deadline";
    }

    private string? RequestExtension(WorkTask task, ActionInput input, DateOnly today, ValidationErrors errors)
    {
        if (input.NewDeadline is not { } wanted)
        {
            errors.Add("newDeadline", "Give the deadline you ask for.");
            return null;
        }

        if (wanted <= (task.Deadline ?? today) || wanted < today)
        {
            errors.Add("newDeadline", "The deadline asked for must be later than the current deadline and not in the past.");
            return null;
        }

        db.Set<ExtensionRequest>().Add(new ExtensionRequest
        {
            TaskId = task.Id,
            PreviousDeadline = task.Deadline,
            RequestedDeadline = wanted,
            Reason = input.Comment?.Trim() ?? string.Empty,
            RequestedAt = db.Clock.GetUtcNow().UtcDateTime,
            RequestedByName = db.Actor.Name,
        });
        task.ExtensionPending = true;
        return $"asked for {Iso(wanted)}";
    }

    private async Task<string?> DecideExtensionAsync(WorkTask task, bool approve, ActionInput input, DateOnly today, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var request = await db.Set<ExtensionRequest>()
            .Where(e => e.TaskId == task.Id && e.Decision == ExtensionDecision.Pending)
            .OrderByDescending(e => e.Id).FirstAsync(cancellationToken);
        request.Decision = approve ? ExtensionDecision.Approved : ExtensionDecision.Refused;
        request.DecidedAt = db.Clock.GetUtcNow().UtcDateTime;
        request.DecidedByName = db.Actor.Name;
        request.DecisionComment = input.Comment?.Trim();
        task.ExtensionPending = false;
        if (!approve)
        {
            return $"refused {Iso(request.RequestedDeadline)}";
        }

        var granted = input.NewDeadline ?? request.RequestedDeadline;
        if (granted < today || (task.Deadline is { } current && granted <= current))
        {
            errors.Add("newDeadline", "The deadline granted must be later than the current deadline and not in the past.");
            return null;
        }

        request.GrantedDeadline = granted;
        var previous = task.Deadline;
        task.Deadline = granted;
        task.DeadlineKind = DeadlineKind.Date;
        task.DeadlineProvisional = tasks.Calendar.AnyProvisional(today, granted);
        return $"deadline {(previous is { } p ? Iso(p) : "none")} → {Iso(granted)}";
    }

    private async Task CloseExtensionsAsync(WorkTask task, string comment, CancellationToken cancellationToken)
    {
        foreach (var request in await db.Set<ExtensionRequest>().Where(e => e.TaskId == task.Id && e.Decision == ExtensionDecision.Pending).ToListAsync(cancellationToken))
        {
            request.Decision = ExtensionDecision.Refused;
            request.DecidedAt = db.Clock.GetUtcNow().UtcDateTime;
            request.DecidedByName = db.Actor.Name;
            request.DecisionComment = comment;
        }

        task.ExtensionPending = false;
    }

    /// <summary>The report a return-report step is returning, so the cadence no longer counts it.</summary>
    private long? returned;

    private async Task<string?> ReturnReportAsync(WorkTask task, ActionInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var accepted = db.Set<ProgressReport>().Where(r => r.TaskId == task.Id && r.ReturnedAt == null);
        var report = input.ReportId is { } reportId
            ? await accepted.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken)
            : await accepted.OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            errors.Add("reportId", "No such accepted report on this task.");
            return null;
        }

        report.ReturnedAt = db.Clock.GetUtcNow().UtcDateTime;
        report.ReturnedByName = db.Actor.Name;
        report.ReturnReason = input.Comment?.Trim();
        task.NeedsRework = true;

        // The task's percent and last report fall back to the latest report still accepted.
        var latest = await accepted.Where(r => r.Id != report.Id).OrderByDescending(r => r.Id)
            .Select(r => new { r.Percent, r.ReportedOn }).FirstOrDefaultAsync(cancellationToken);
        task.Percent = latest?.Percent ?? 0;
        task.LastReportOn = latest?.ReportedOn;
        returned = report.Id;
        return $"report {report.Id.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>分解: one sub-task per co-operating unit not yet split off, assigned to that unit straight away.</summary>
    private async Task<string?> SplitAsync(WorkTask task, DateOnly today, CancellationToken cancellationToken)
    {
        var existing = await db.Set<WorkTask>().CountAsync(t => t.ParentId == task.Id, cancellationToken);
        var created = new List<string>();
        foreach (var partner in task.Partners.Where(p => p.SubTaskId is null).OrderBy(p => p.Id))
        {
            var code = $"{task.Code}-{(++existing).ToString("D2", CultureInfo.InvariantCulture)}";
            var sub = new WorkTask
            {
                Code = code,
                ParentId = task.Id,
                Title = string.IsNullOrWhiteSpace(partner.Part) ? task.Title : partner.Part,
                Description = task.Title,
                OriginKind = task.OriginKind,
                OriginId = task.OriginId,
                OriginReference = task.Code,
                LeadLeaderId = task.LeadLeaderId,
                LeadUnitId = partner.UnitId,
                SupervisionLevel = task.SupervisionLevel,
                StartDate = today,
                DeadlineKind = task.Deadline is null ? DeadlineKind.None : DeadlineKind.Date,
                Deadline = task.Deadline,
                DeadlineProvisional = task.DeadlineProvisional,
                ReportingCadence = task.ReportingCadence,
                State = TaskState.Assigned,
                AssignedOn = today,
                SignForBy = tasks.Calendar.Add(today, tasks.Options.SignForWorkingDays),
                CreatedById = db.Actor.PersonId,
            };
            sub.RefreshDue([], today);
            db.Set<WorkTask>().Add(sub);
            partner.SubTask = sub;
            tasks.Record(sub, TaskAction.Assign.Name(), null, TaskState.Assigned, $"Split from {task.Code}", sub.Deadline is { } d ? $"deadline {Iso(d)}" : null);
            created.Add(code);
        }

        return $"sub-tasks {string.Join(", ", created)}";
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
