using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>
/// Progress reports and completion claims with their evidence files. Everything is checked before anything is
/// written: a bad file leaves neither a row nor a file behind; a report that loses a race removes the files it wrote.
/// </summary>
internal sealed class ProgressService(FollowthroughDb db, TaskWriting tasks, EvidenceStore store, ReportGroupCommit writer)
{
    public const int MaxNarrative = 4000;

    /// <summary>
    /// The one way a report is written, whoever sends it: checked here, in the request (<see cref="PrepareReportAsync"/>),
    /// saved in the writer's next batch (<see cref="ReportGroupCommit"/>, which calls <see cref="SaveReportAsync"/> inside
    /// a savepoint), and answered once that batch is committed.
    /// </summary>
    public async Task<Outcome<ReportResult>> ReportAsync(
        CurrentUser user, int taskId, ReportInput input, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareReportAsync(user, taskId, input, files, cancellationToken);
        return prepared.IsDone ? await writer.SaveInNextBatchAsync(this, prepared.Value!, cancellationToken) : prepared.As<ReportResult>();
    }

    /// <summary>
    /// Reads the task, checks the report and applies it to the task in this service's context, writing nothing yet:
    /// a refusal comes back here, before any write. <see cref="SaveReportAsync"/> then stores the files and saves the
    /// rows; the save succeeds only if the task is still at the version read here, so what was checked still holds.
    /// </summary>
    public async Task<Outcome<PreparedReport>> PrepareReportAsync(
        CurrentUser user, int taskId, ReportInput input, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(files);

        // Its reads share one connection (taken from the pool once, not once per query); it is given back before the
        // save, which may run on a group commit's connection instead.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await PrepareAsync(user, taskId, input, files, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Outcome<PreparedReport>> PrepareAsync(
        CurrentUser user, int taskId, ReportInput input, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var task = await LoadForReportAsync(taskId, cancellationToken);
        if (task is null)
        {
            return Outcome.NotFound<PreparedReport>();
        }

        var action = input.ClaimsCompletion ? TaskAction.ClaimCompletion : TaskAction.ReportProgress;
        var role = await tasks.RoleAsync(user, task, cancellationToken);

        var (facts, acceptedDates) = await tasks.ReportFactsAsync(task, evidenceNow: files.Count > 0, cancellationToken);
        if (LifecycleSteps.Refusal(task, action, role, facts) is { } refusal)
        {
            return refusal.As<PreparedReport>();
        }

        // A report written against an older version (another report came first) is stale, even if it would also be invalid now.
        if (input.Version is { } seen && seen != task.Version)
        {
            return Outcome.Stale<PreparedReport>(task.Version);
        }

        var errors = new ValidationErrors();
        var percent = Check(task, input, errors);
        var checkedFiles = CheckFiles(files, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<PreparedReport>(errors);
        }

        var today = tasks.Today;
        var report = new ProgressReport
        {
            TaskId = task.Id,
            ReportedOn = today,
            ReportedAt = db.Clock.GetUtcNow().UtcDateTime,
            ReportedById = db.Actor.PersonId,
            ReportedByName = db.Actor.Name,
            Percent = percent,
            PercentNote = Trimmed(input.PercentNote),
            Done = input.Done!.Trim(),
            NextSteps = input.NextSteps?.Trim() ?? string.Empty,
            Difficulties = input.Difficulties?.Trim() ?? string.Empty,
            SupportNeeded = input.SupportNeeded?.Trim() ?? string.Empty,
            ClaimsCompletion = input.ClaimsCompletion,
            ReachedTimeNodeId = input.ReachedTimeNodeId,
        };
        db.Set<ProgressReport>().Add(report);

        var from = task.State;
        task.State = TaskLifecycle.Decide(task.State, action, role, facts).Next!.Value;
        task.Percent = percent;
        task.LastReportOn = today;
        task.NeedsRework = false;
        if (input.ClaimsCompletion)
        {
            task.CompletionClaimedOn = today;
        }

        if (input.ReachedTimeNodeId is { } nodeId)
        {
            task.TimeNodes.Single(n => n.Id == nodeId).ReachedOn = today;
        }

        task.RefreshDue(acceptedDates.Append(today), today);
        var details = $"{percent.ToString(CultureInfo.InvariantCulture)}%" + (files.Count > 0 ? $", {files.Count.ToString(CultureInfo.InvariantCulture)} file(s)" : string.Empty);
        tasks.Record(task, action.Name(), from, task.State, report.Done, details);
        db.Entry(task).Property(t => t.Version).OriginalValue = input.Version!.Value;
        db.DescribeNextSave(action.Name(), report.Done);
        return Outcome.Done(new PreparedReport(db, task, report, checkedFiles));
    }

    /// <summary>
    /// Stores the prepared report's files and saves it, with the connection and transaction the writer lent the context
    /// (see <see cref="ReportGroupCommit"/>). A report whose task changed since it was prepared is stale and leaves nothing behind:
    /// no row, and no stored file that nothing references.
    /// </summary>
    internal async Task<Outcome<ReportResult>> SaveReportAsync(PreparedReport prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Db != db)
        {
            throw new ArgumentException("A report is saved by the service (and context) that prepared it.", nameof(prepared));
        }

        var written = new List<string>();
        var evidence = new List<EvidenceFile>();
        foreach (var (file, contentType, sha) in prepared.Files)
        {
            if (await store.SaveAsync(sha, file.Content, cancellationToken))
            {
                written.Add(sha);
            }

            var evidenceFile = new EvidenceFile
            {
                TaskId = prepared.Task.Id,
                Report = prepared.Report,
                FileName = Path.GetFileName(file.FileName).Trim(),
                ContentType = contentType,
                SizeBytes = file.Content.Length,
                Sha256 = sha,
                UploadedAt = prepared.Report.ReportedAt,
            };
            evidence.Add(evidenceFile);
            db.Set<EvidenceFile>().Add(evidenceFile);
        }

        var saved = await tasks.SaveAsync(prepared.Task, cancellationToken);
        if (!saved.IsDone)
        {
            await ForgetUnreferencedAsync(written, cancellationToken);
            return saved.As<ReportResult>();
        }

        return Outcome.Done(new ReportResult(prepared.Task, prepared.Report, evidence));
    }

    /// <summary>
    /// The task with what a report reads and changes: its co-operating units (the reporter's part) and time nodes
    /// (a node reached, the next due date). Tags play no part, so they are not loaded. One query: a task has a few
    /// of each, so the joined rows stay few. Compiled once, as every report runs it.
    /// </summary>
    private static readonly CompiledPerModel<Func<FollowthroughDb, int, CancellationToken, Task<WorkTask?>>> LoadForReport = new(() =>
        EF.CompileAsyncQuery((FollowthroughDb db, int id, CancellationToken cancellationToken) => db.Set<WorkTask>()
            .Include(t => t.Partners)
            .Include(t => t.TimeNodes)
            .AsSingleQuery()
            .SingleOrDefault(t => t.Id == id)));

    private Task<WorkTask?> LoadForReportAsync(int id, CancellationToken cancellationToken) => LoadForReport.For(db)(db, id, cancellationToken);

    /// <summary>An evidence file's content for someone who may see its task; null when not found or not theirs.</summary>
    public async Task<Outcome<EvidenceDownload>> DownloadAsync(CurrentUser user, long fileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var file = await db.Set<EvidenceFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        var task = file is null ? null : await tasks.LoadAsync(file.TaskId, cancellationToken);
        if (file is null || task is null)
        {
            return Outcome.NotFound<EvidenceDownload>("The evidence file was not found.");
        }

        if (await tasks.RoleAsync(user, task, cancellationToken) is null)
        {
            return Outcome.Forbidden<EvidenceDownload>("This task is not yours to see.");
        }

        var content = await store.ReadAsync(file.Sha256, cancellationToken);
        return content is null
            ? Outcome.NotFound<EvidenceDownload>("The evidence file is missing from storage or fails its checksum.")
            : Outcome.Done(new EvidenceDownload(file, content));
    }

    public async Task<IReadOnlyList<EvidenceFile>> EvidenceOfAsync(long reportId, CancellationToken cancellationToken = default) =>
        await db.Set<EvidenceFile>().AsNoTracking().Where(f => f.ReportId == reportId).OrderBy(f => f.Id).ToListAsync(cancellationToken);

    private static int Check(WorkTask task, ReportInput input, ValidationErrors errors)
    {
        if (input.Version is null)
        {
            errors.Add("version", "Send the version you reported on (If-Match header or version field).");
        }

        var percent = input.Percent ?? (input.ClaimsCompletion ? 100 : -1);
        if (percent is < 0 or > 100)
        {
            errors.Add("percent", "The percent complete is a whole number from 0 to 100.");
        }
        else if (percent < task.Percent && string.IsNullOrWhiteSpace(input.PercentNote))
        {
            errors.Add("percentNote", $"The percent went down from {task.Percent}: say why.");
        }
        else if (input.ClaimsCompletion && percent != 100)
        {
            errors.Add("percent", "A completion claim reports 100 percent.");
        }

        errors.Require("done", input.Done, input.ClaimsCompletion ? "What was achieved" : "What was done", MaxNarrative);
        foreach (var (field, value) in new[] { ("nextSteps", input.NextSteps), ("difficulties", input.Difficulties), ("supportNeeded", input.SupportNeeded), ("percentNote", input.PercentNote) })
        {
            if ((value?.Length ?? 0) > MaxNarrative)
            {
                errors.Add(field, $"At most {MaxNarrative} characters.");
            }
        }

        if (input.ReachedTimeNodeId is { } nodeId && !task.TimeNodes.Exists(n => n.Id == nodeId && n.ReachedOn is null))
        {
            errors.Add("reachedTimeNodeId", "No such time node still open on this task.");
        }

        return percent;
    }

    private static List<CheckedFile> CheckFiles(IReadOnlyList<UploadedFile> files, ValidationErrors errors)
    {
        if (files.Count > EvidenceCheck.MaxFilesPerReport)
        {
            errors.Add("files", $"At most {EvidenceCheck.MaxFilesPerReport} files per report.");
            return [];
        }

        var accepted = new List<CheckedFile>();
        foreach (var file in files)
        {
            var verdict = EvidenceCheck.Check(file.FileName, file.Content);
            if (verdict.Accepted)
            {
                accepted.Add(new CheckedFile(file, verdict.ContentType!, EvidenceStore.Checksum(file.Content)));
            }
            else
            {
                errors.Add("files", verdict.Problem!);
            }
        }

        return accepted;
    }

    private async Task ForgetUnreferencedAsync(List<string> written, CancellationToken cancellationToken)
    {
        foreach (var sha in written)
        {
            if (!await db.Set<EvidenceFile>().AnyAsync(f => f.Sha256 == sha, cancellationToken))
            {
                store.Forget(sha);
            }
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// A report checked and applied to its task in <see cref="Db"/>'s change tracker, not yet saved (see
/// <see cref="ProgressService.PrepareReportAsync"/>); its evidence files are checked, not yet stored.
/// </summary>
internal sealed record PreparedReport(FollowthroughDb Db, WorkTask Task, ProgressReport Report, IReadOnlyList<CheckedFile> Files);

/// <summary>An evidence file whose content matched its name, with the type it was recognised as and its checksum.</summary>
internal sealed record CheckedFile(UploadedFile File, string ContentType, string Sha256);

/// <summary>A saved report, with its task as changed and its evidence files (ids assigned by the save, in upload order).</summary>
internal sealed record ReportResult(WorkTask Task, ProgressReport Report, IReadOnlyList<EvidenceFile> Evidence);

internal sealed record EvidenceDownload(EvidenceFile File, byte[] Content);
