using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Followthrough.Tasks;

/// <summary>
/// Writing tasks: create and edit drafts, and the shared reading every step starts from (the task, the part the
/// person plays on it, the facts the lifecycle table asks about). Steps are in <see cref="LifecycleSteps"/>, progress
/// reports in <see cref="ProgressService"/>.
/// </summary>
internal sealed class TaskWriting(FollowthroughDb db, IWorkingDayCalendar calendar, IOptions<TaskOptions> options, OrganizationDirectory organization)
{
    public TaskOptions Options => options.Value;

    public IWorkingDayCalendar Calendar => calendar;

    public DateOnly Today => db.Clock.Today();

    /// <summary>The task with its co-operating units, time nodes and tags; tracked, ready to change.</summary>
    public Task<WorkTask?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<WorkTask>()
            .Include(t => t.Partners)
            .Include(t => t.TimeNodes)
            .Include(t => t.Tags)
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>The part the person plays on the task; null when they may not see it (another unit's task, or a draft).</summary>
    public async Task<TaskRole?> RoleAsync(CurrentUser user, WorkTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(task);
        if (!TaskPermissions.CanReadTasks(user) || (task.State == TaskState.Draft && user.Role == Role.UnitStaff))
        {
            return null;
        }

        int? parentLeadUnit = task.ParentId is { } parentId
            ? await db.Set<WorkTask>().Where(t => t.Id == parentId).Select(t => (int?)t.LeadUnitId).SingleOrDefaultAsync(cancellationToken)
            : null;
        return TaskRoles.Of(user, task.LeadUnitId, parentLeadUnit, task.Partners.Select(p => p.UnitId));
    }

    public async Task<TaskFacts> FactsAsync(WorkTask task, CancellationToken cancellationToken = default) =>
        (await ReportFactsAsync(task, evidenceNow: false, cancellationToken)).Facts;

    /// <summary>
    /// The facts about the task's earlier reports and the dates the cadence counts, in one query. A report counts
    /// unless it was returned; evidence is a file on a report that counts (or <paramref name="evidenceNow"/>, files
    /// arriving with the report being written).
    /// </summary>
    public async Task<(TaskFacts Facts, List<DateOnly> AcceptedDates)> ReportFactsAsync(
        WorkTask task, bool evidenceNow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var accepted = new List<AcceptedReport>();
        await foreach (var report in AcceptedReports.For(db)(db, task.Id).WithCancellation(cancellationToken))
        {
            accepted.Add(report);
        }

        var facts = new TaskFacts(
            HasPendingExtension: task.ExtensionPending,
            HasUnsplitPartners: task.Partners.Any(p => p.SubTaskId is null),
            HasReturnableReport: accepted.Count > 0,
            HasEvidence: evidenceNow || accepted.Exists(r => r.HasFiles));
        return (facts, [.. accepted.Select(r => r.ReportedOn)]);
    }

    /// <summary>
    /// The reports of a task that count, with whether each has evidence. Compiled once: every progress report asks,
    /// so it skips translating the query again.
    /// </summary>
    private static readonly CompiledPerModel<Func<FollowthroughDb, int, IAsyncEnumerable<AcceptedReport>>> AcceptedReports = new(() =>
        EF.CompileAsyncQuery((FollowthroughDb db, int taskId) => db.Set<ProgressReport>()
            .Where(r => r.TaskId == taskId && r.ReturnedAt == null)
            .Select(r => new AcceptedReport(r.ReportedOn, db.Set<EvidenceFile>().Any(f => f.ReportId == r.Id)))));

    private sealed record AcceptedReport(DateOnly ReportedOn, bool HasFiles);

    /// <summary>The dates of the reports that count for the cadence (not returned).</summary>
    public async Task<List<DateOnly>> AcceptedReportDatesAsync(int taskId, long? except = null, CancellationToken cancellationToken = default) =>
        await db.Set<ProgressReport>().Where(r => r.TaskId == taskId && r.ReturnedAt == null && r.Id != except)
            .Select(r => r.ReportedOn).ToListAsync(cancellationToken);

    /// <summary>Creates a draft. Only the supervision office writes tasks.</summary>
    public async Task<Outcome<WorkTask>> CreateAsync(CurrentUser user, TaskInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        if (!TaskPermissions.CanManageTasks(user))
        {
            return Outcome.Forbidden<WorkTask>(OnlyTheOfficeCreates);
        }

        var errors = new ValidationErrors();
        await TaskValidation.CheckAsync(db, organization, input, errors, null, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<WorkTask>(errors);
        }

        // Two drafts created at the same moment may draw the same next number; the unique index refuses the
        // second, which then draws again.
        for (var attempt = 1; ; attempt++)
        {
            var generated = string.IsNullOrWhiteSpace(input.Code);
            var task = AddDraft(input, generated ? await NextCodeAsync(cancellationToken) : input.Code!.Trim(), user.PersonId, null);
            db.DescribeNextSave("created");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Done(task);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.Set<WorkTask>().AsNoTracking().AnyAsync(t => t.Code == task.Code, cancellationToken))
                {
                    throw; // not a taken code: a real failure
                }

                if (!generated || attempt == 3)
                {
                    var taken = new ValidationErrors();
                    taken.Add("code", $"The code {task.Code} is taken.");
                    return Outcome.Invalid<WorkTask>(taken);
                }
            }
        }
    }

    /// <summary>
    /// Creates several drafts in one save, under the same rule and checks as <see cref="CreateAsync"/> and numbered the
    /// same way, in order. Errors name the draft by its place: <c>drafts[2].leadUnitId</c>. If one draft is refused,
    /// none is saved. Inside a caller's transaction the save joins it; a code taken meanwhile by another writer then
    /// fails the whole transaction instead of being drawn again (a failed statement cannot be retried there).
    /// </summary>
    internal async Task<Outcome<IReadOnlyList<WorkTask>>> CreateDraftsAsync(
        CurrentUser user, IReadOnlyList<(TaskInput Input, string? Note)> drafts, string action, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(drafts);
        if (!TaskPermissions.CanManageTasks(user))
        {
            return Outcome.Forbidden<IReadOnlyList<WorkTask>>(OnlyTheOfficeCreates);
        }

        var errors = new ValidationErrors();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var own = new ValidationErrors();
            await TaskValidation.CheckAsync(db, organization, drafts[i].Input, own, null, cancellationToken);
            if (!string.IsNullOrWhiteSpace(drafts[i].Input.Code) && !codes.Add(drafts[i].Input.Code!.Trim()))
            {
                own.Add("code", $"The code {drafts[i].Input.Code!.Trim()} is given to two drafts.");
            }

            foreach (var (field, messages) in own.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"drafts[{i}].{field}"), message);
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<IReadOnlyList<WorkTask>>(errors);
        }

        var (prefix, number) = await NextNumberAsync(cancellationToken);
        var made = new List<WorkTask>(drafts.Count);
        foreach (var (input, note) in drafts)
        {
            var code = string.IsNullOrWhiteSpace(input.Code) ? Code(prefix, number++) : input.Code.Trim();
            made.Add(AddDraft(input, code, user.PersonId, note));
        }

        db.DescribeNextSave(action, comment);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<WorkTask>>(made);
    }

    private const string OnlyTheOfficeCreates = "Only the supervision office creates tasks.";

    private WorkTask AddDraft(TaskInput input, string code, int? createdBy, string? note)
    {
        var task = NewDraft(input, code, createdBy);
        db.Set<WorkTask>().Add(task);
        Record(task, "created", null, TaskState.Draft, note);
        return task;
    }

    /// <summary>Edits a draft, or a task its unit returned, on the version the editor saw.</summary>
    public async Task<Outcome<WorkTask>> UpdateAsync(CurrentUser user, int id, int? expectedVersion, TaskInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var task = await LoadAsync(id, cancellationToken);
        if (task is null)
        {
            return Outcome.NotFound<WorkTask>();
        }

        if (!TaskPermissions.CanManageTasks(user))
        {
            return Outcome.Forbidden<WorkTask>("Only the supervision office edits tasks.");
        }

        if (task.State is not (TaskState.Draft or TaskState.Returned))
        {
            return Outcome.NotNow<WorkTask>(
                $"A task that is {task.State} can no longer be edited; its deadline changes through an extension.",
                TaskLifecycle.Allowed(task.State, TaskRole.Supervisor, await FactsAsync(task, cancellationToken)).Names());
        }

        if (expectedVersion is { } seen && seen != task.Version)
        {
            return Outcome.Stale<WorkTask>(task.Version);
        }

        var errors = new ValidationErrors();
        if (expectedVersion is null)
        {
            errors.Add("version", "Send the version you edited (If-Match header or version field).");
        }

        await TaskValidation.CheckAsync(db, organization, input, errors, id, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<WorkTask>(errors);
        }

        db.Entry(task).Property(t => t.Version).OriginalValue = expectedVersion!.Value;
        if (!string.IsNullOrWhiteSpace(input.Code))
        {
            task.Code = input.Code.Trim();
        }

        Apply(task, input);
        Record(task, "edited", task.State, task.State, null);
        db.DescribeNextSave("edited");
        return await SaveAsync(task, cancellationToken);
    }

    /// <summary>Saves, turning a lost race into a stale outcome that changed nothing.</summary>
    internal async Task<Outcome<WorkTask>> SaveAsync(WorkTask task, CancellationToken cancellationToken)
    {
        try
        {
            db.Entry(task).Property(t => t.UpdatedAt).IsModified = true; // every step raises the version
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(task);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<WorkTask>().Where(t => t.Id == task.Id).Select(t => t.Version).SingleOrDefaultAsync(cancellationToken);
            return Outcome.Stale<WorkTask>(current);
        }
    }

    /// <summary>Adds a step to the task's timeline, saved with the change it describes.</summary>
    internal void Record(WorkTask task, string action, TaskState? from, TaskState? to, string? comment, string? details = null) =>
        db.Set<TaskEvent>().Add(new TaskEvent
        {
            WorkTask = task,
            OccurredAt = db.Clock.GetUtcNow().UtcDateTime,
            ActorId = db.Actor.PersonId,
            ActorName = db.Actor.Name,
            Action = action,
            FromState = from,
            ToState = to,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Details = details,
        });

    /// <summary>The next free code of this year: DL-2021-0001, DL-2021-0002, ...; sub-task codes (DL-2021-0001-01) are skipped.</summary>
    public async Task<string> NextCodeAsync(CancellationToken cancellationToken = default)
    {
        var (prefix, next) = await NextNumberAsync(cancellationToken);
        return Code(prefix, next);
    }

    /// <summary>This year's code prefix and the next free number under it (for callers that number several tasks).</summary>
    internal async Task<(string Prefix, int Next)> NextNumberAsync(CancellationToken cancellationToken = default)
    {
        var prefix = $"{Options.CodePrefix}-{Today.Year.ToString(CultureInfo.InvariantCulture)}-";
        var codes = await db.Set<WorkTask>().Where(t => t.ParentId == null && t.Code.StartsWith(prefix))
            .Select(t => t.Code).ToListAsync(cancellationToken);
        var highest = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return (prefix, highest + 1);
    }

    internal static string Code(string prefix, int number) => $"{prefix}{number.ToString("D4", CultureInfo.InvariantCulture)}";

    internal static WorkTask NewDraft(TaskInput input, string code, int? createdBy)
    {
        var task = new WorkTask { Code = code, Title = string.Empty, State = TaskState.Draft, CreatedById = createdBy };
        Apply(task, input);
        return task;
    }

    private static void Apply(WorkTask task, TaskInput input)
    {
        task.Title = input.Title!.Trim();
        task.Description = input.Description?.Trim() ?? string.Empty;
        task.OriginKind = input.OriginKind;
        task.OriginId = input.OriginId;
        task.OriginReference = string.IsNullOrWhiteSpace(input.OriginReference) ? null : input.OriginReference.Trim();
        task.LeadLeaderId = input.LeadLeaderId;
        task.LeadUnitId = input.LeadUnitId!.Value;
        task.ResponsiblePersonId = input.ResponsiblePersonId;
        task.SupervisionLevel = input.SupervisionLevel;
        task.StartDate = input.StartDate;
        task.DeadlineKind = input.DeadlineKind;
        task.DeadlineWorkingDays = input.DeadlineKind == DeadlineKind.WorkingDays ? input.DeadlineWorkingDays : null;
        task.Deadline = input.DeadlineKind == DeadlineKind.Date ? input.Deadline : null; // working days are counted at assignment
        task.DeadlineProvisional = false;
        task.ReportingCadence = input.ReportingCadence;

        var wanted = input.Partners.ToDictionary(p => p.UnitId, p => p.Part?.Trim() ?? string.Empty);
        task.Partners.RemoveAll(p => !wanted.ContainsKey(p.UnitId));
        foreach (var (unitId, part) in wanted)
        {
            var existing = task.Partners.Find(p => p.UnitId == unitId);
            if (existing is null)
            {
                task.Partners.Add(new TaskPartner { UnitId = unitId, Part = part });
            }
            else
            {
                existing.Part = part;
            }
        }

        var nodes = input.TimeNodes.Select(n => (Title: n.Title!.Trim(), n.DueOn)).OrderBy(n => n.DueOn).ThenBy(n => n.Title, StringComparer.Ordinal).ToList();
        if (!task.TimeNodes.Select(n => (n.Title, n.DueOn)).OrderBy(n => n.DueOn).ThenBy(n => n.Title, StringComparer.Ordinal).SequenceEqual(nodes))
        {
            task.TimeNodes.Clear();
            task.TimeNodes.AddRange(nodes.Select(n => new TimeNode { Title = n.Title, DueOn = n.DueOn }));
        }

        var tags = input.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        task.Tags.RemoveAll(t => !tags.Contains(t.Tag));
        foreach (var tag in tags.Where(t => !task.Tags.Exists(existing => existing.Tag == t)))
        {
            task.Tags.Add(new TaskTag { Tag = tag });
        }
    }
}
