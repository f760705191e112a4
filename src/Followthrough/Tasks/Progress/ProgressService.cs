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
public sealed class ProgressService(FollowthroughDb db, TaskService tasks, EvidenceStore store)
{
    public const int MaxNarrative = 4000;

    public async Task<TaskOutcome<ReportResult>> ReportAsync(
        CurrentUser user, int taskId, ReportInput input, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(files);
        var task = await LoadForReportAsync(taskId, cancellationToken);
        if (task is null)
        {
            return Outcome.NotFound<ReportResult>();
        }

        var action = input.ClaimsCompletion ? TaskAction.ClaimCompletion : TaskAction.ReportProgress;
        var role = await tasks.RoleAsync(user, task, cancellationToken);

        var (facts, acceptedDates) = await tasks.ReportFactsAsync(task, evidenceNow: files.Count > 0, cancellationToken);
        if (TaskSteps.Refusal(task, action, role, facts) is { } refusal)
        {
            return refusal.As<ReportResult>();
        }

        // A report written against an older version (another report came first) is stale, even if it would also be invalid now.
        if (input.Version is { } seen && seen != task.Version)
        {
            return Outcome.Stale<ReportResult>(task.Version);
        }

        var errors = new ValidationErrors();
        var percent = Check(task, input, errors);
        var checkedFiles = CheckFiles(files, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<ReportResult>(errors);
        }

        var today = tasks.Today;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var written = new List<string>();
        var evidence = new List<EvidenceFile>();
        var report = new ProgressReport
        {
            TaskId = task.Id,
            ReportedOn = today,
            ReportedAt = now,
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
        foreach (var (file, contentType, sha) in checkedFiles)
        {
            if (await store.SaveAsync(sha, file.Content, cancellationToken))
            {
                written.Add(sha);
            }

            var evidenceFile = new EvidenceFile
            {
                TaskId = task.Id,
                Report = report,
                FileName = Path.GetFileName(file.FileName).Trim(),
                ContentType = contentType,
                SizeBytes = file.Content.Length,
                Sha256 = sha,
                UploadedAt = now,
            };
            evidence.Add(evidenceFile);
            db.Set<EvidenceFile>().Add(evidenceFile);
        }

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
        var saved = await tasks.SaveAsync(task, cancellationToken);
        if (!saved.IsDone)
        {
            await ForgetUnreferencedAsync(written, cancellationToken);
            return saved.As<ReportResult>();
        }

        return Outcome.Done(new ReportResult(task, report, evidence));
    }

    /// <summary>
    /// The task with what a report reads and changes: its co-operating units (the reporter's part) and time nodes
    /// (a node reached, the next due date). Tags play no part, so they are not loaded. One query: a task has a few
    /// of each, so the joined rows stay few.
    /// </summary>
    private Task<WorkTask?> LoadForReportAsync(int id, CancellationToken cancellationToken) =>
        db.Set<WorkTask>()
            .Include(t => t.Partners)
            .Include(t => t.TimeNodes)
            .AsSingleQuery()
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>An evidence file's content for someone who may see its task; null when not found or not theirs.</summary>
    public async Task<TaskOutcome<EvidenceDownload>> DownloadAsync(CurrentUser user, long fileId, CancellationToken cancellationToken = default)
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

    private static List<(UploadedFile File, string ContentType, string Sha256)> CheckFiles(IReadOnlyList<UploadedFile> files, ValidationErrors errors)
    {
        if (files.Count > EvidenceCheck.MaxFilesPerReport)
        {
            errors.Add("files", $"At most {EvidenceCheck.MaxFilesPerReport} files per report.");
            return [];
        }

        var accepted = new List<(UploadedFile, string, string)>();
        foreach (var file in files)
        {
            var verdict = EvidenceCheck.Check(file.FileName, file.Content);
            if (verdict.Accepted)
            {
                accepted.Add((file, verdict.ContentType!, EvidenceStore.Checksum(file.Content)));
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

/// <summary>A saved report, with its task as changed and its evidence files (ids assigned by the save, in upload order).</summary>
public sealed record ReportResult(WorkTask Task, ProgressReport Report, IReadOnlyList<EvidenceFile> Evidence);

public sealed record EvidenceDownload(EvidenceFile File, byte[] Content);
