using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>
/// A case another module opens as work for a unit, handed to it at once (交办): where it comes from, what to do, and the
/// working days it has from <paramref name="From"/> (the day of the event, in China).
/// </summary>
public sealed record CaseInput(
    OriginKind Origin, int OriginId, string OriginReference, string Title, string Description, int LeadUnitId, DateOnly From, int WorkingDays);

/// <summary>A case as opened: its task, code and deadline.</summary>
public sealed record OpenedCase(int TaskId, string Code, DateOnly Deadline);

public sealed partial class TaskLedger
{
    /// <summary>
    /// Opens a case as a task already assigned (交办) to its lead unit, with its deadline <see cref="CaseInput.WorkingDays"/>
    /// working days after <see cref="CaseInput.From"/> on the working-day calendar, so the supervision run urges and
    /// escalates it and the bulletin counts it like any other task. Nobody's permission is asked: the caller's rule
    /// (a bad rating is work) opens it. Saved at once, inside the caller's transaction if there is one (a code drawn
    /// meanwhile by another writer then fails that transaction).
    /// </summary>
    public async Task<Outcome<OpenedCase>> OpenCaseAsync(CaseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.WorkingDays);
        var calendar = tasks.Calendar;
        var deadline = calendar.Add(input.From, input.WorkingDays);
        var draft = new TaskInput
        {
            Title = input.Title,
            Description = input.Description,
            OriginKind = input.Origin,
            OriginId = input.OriginId,
            OriginReference = input.OriginReference,
            LeadUnitId = input.LeadUnitId,
            DeadlineKind = DeadlineKind.Date,
            Deadline = deadline,
            ReportingCadence = ReportingCadence.Weekly,
        };
        var errors = new ValidationErrors();
        await TaskValidation.CheckAsync(db, directory.Organization, draft, errors, null, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<OpenedCase>(errors);
        }

        var today = tasks.Today;
        var (prefix, number) = await tasks.NextNumberAsync(cancellationToken);
        var task = TaskWriting.NewDraft(draft, TaskWriting.Code(prefix, number), createdBy: null);
        db.Set<WorkTask>().Add(task);
        tasks.Record(task, "created", null, TaskState.Draft, null);
        task.State = TaskState.Assigned;
        task.AssignedOn = today;
        task.SignForBy = calendar.Add(today, tasks.Options.SignForWorkingDays);
        task.DeadlineProvisional = calendar.AnyProvisional(input.From, deadline);
        task.RefreshDue([], today);
        tasks.Record(task, "assign", TaskState.Draft, TaskState.Assigned, null, $"deadline {deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        db.DescribeNextSave("assign");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(new OpenedCase(task.Id, task.Code, deadline));
    }

    /// <summary>The lead unit signs for (签收) the task, the ordinary lifecycle step, on the task's current version.</summary>
    public async Task<Outcome<TaskState>> SignForAsync(CurrentUser user, int taskId, string? comment, CancellationToken cancellationToken = default)
    {
        var version = await VersionAsync(taskId, cancellationToken);
        if (version is null)
        {
            return Outcome.NotFound<TaskState>();
        }

        var done = await steps.ActAsync(user, taskId, TaskAction.SignFor, new ActionInput { Comment = comment, Version = version }, cancellationToken);
        return done.IsDone ? Outcome.Done(done.Value!.State) : done.As<TaskState>();
    }

    /// <summary>
    /// The lead unit claims completion (申请办结) through the ordinary progress report, with <paramref name="done"/> as what
    /// was done and <paramref name="record"/> as its evidence (a text file named <paramref name="recordName"/>.txt); the
    /// supervision office then verifies and closes it, or sends it back, as usual. Inside the caller's transaction if
    /// there is one.
    /// </summary>
    public async Task<Outcome<TaskState>> ClaimCompletionAsync(
        CurrentUser user, int taskId, string done, string recordName, string record, CancellationToken cancellationToken = default)
    {
        var version = await VersionAsync(taskId, cancellationToken);
        if (version is null)
        {
            return Outcome.NotFound<TaskState>();
        }

        var report = new ReportInput { Version = version, Percent = 100, Done = done, ClaimsCompletion = true };
        var file = new UploadedFile(recordName + ".txt", Encoding.UTF8.GetBytes(record));
        var reported = await progress.ReportAsync(user, taskId, report, [file], cancellationToken);
        return reported.IsDone ? Outcome.Done(reported.Value!.Task.State) : reported.As<TaskState>();
    }

    private async Task<int?> VersionAsync(int taskId, CancellationToken cancellationToken) =>
        await db.Set<WorkTask>().AsNoTracking().Where(t => t.Id == taskId).Select(t => (int?)t.Version).SingleOrDefaultAsync(cancellationToken);
}
