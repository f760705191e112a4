using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Directives.Documents;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Directives.Review;

/// <summary>
/// The clerk's review of the directives drafted from a document: accept, reject, edit, merge with the next, split,
/// fill the units, deadline and plan item; then turn every accepted candidate into a draft task in one transaction.
/// Every change is made on the version the clerk saw.
/// </summary>
internal sealed class CandidateReview(FollowthroughDb db, TaskLedger tasks, OrganizationDirectory organization, PlanItemLookup planItems)
{
    public const int MaxText = 500;

    public async Task<Outcome<DirectiveCandidate>> UpdateAsync(
        CurrentUser user, int documentId, int candidateId, int? expectedVersion, CandidateEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var (candidate, refused) = await LoadForChangeAsync(user, documentId, candidateId, expectedVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        if (edit.Status is { } status && (!Enum.IsDefined(status) || status == CandidateStatus.TaskCreated))
        {
            errors.Add("status", "The status must be Pending, Accepted or Rejected.");
        }

        if (edit.Text is not null)
        {
            errors.Require("text", edit.Text, "The task text", MaxText);
        }

        if (edit.Assignment)
        {
            await CheckUnitsAsync(edit.LeadUnitId, edit.PartnerUnitIds, errors, cancellationToken);
            if (edit.PlanItemId is { } planItem && !await planItems.ExistsAsync(planItem, cancellationToken))
            {
                errors.Add("planItemId", "The plan item does not exist.");
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<DirectiveCandidate>(errors);
        }

        candidate!.Status = edit.Status ?? candidate.Status;
        candidate.Text = edit.Text?.Trim() ?? candidate.Text;
        if (edit.Assignment)
        {
            candidate.LeadUnitId = edit.LeadUnitId;
            candidate.PartnerUnitIds = CandidateActors.JoinIds(edit.PartnerUnitIds.Where(u => u != edit.LeadUnitId));
            candidate.Deadline = edit.Deadline;
            candidate.PlanItemId = edit.PlanItemId;
        }

        db.DescribeNextSave(edit.Status switch
        {
            CandidateStatus.Accepted => "candidate-accepted",
            CandidateStatus.Rejected => "candidate-rejected",
            _ => "candidate-edited",
        });
        return await SaveAsync(candidate, cancellationToken);
    }

    /// <summary>Joins the candidate with the next one in the text (which is removed).</summary>
    public async Task<Outcome<DirectiveCandidate>> MergeWithNextAsync(
        CurrentUser user, int documentId, int candidateId, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var (candidate, refused) = await LoadForChangeAsync(user, documentId, candidateId, expectedVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var next = await db.Set<DirectiveCandidate>()
            .Where(c => c.DocumentId == documentId && c.StartOffset > candidate!.StartOffset)
            .OrderBy(c => c.StartOffset).FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return Outcome.NotNow<DirectiveCandidate>("This is the last directive of the document: there is none after it to merge with.", []);
        }

        if (next.Status == CandidateStatus.TaskCreated)
        {
            return Outcome.NotNow<DirectiveCandidate>("The next directive is already a task and cannot be merged.", []);
        }

        var text = await DocumentTextAsync(documentId, cancellationToken);
        CandidateEdits.Merge(candidate!, next, text);
        db.Set<DirectiveCandidate>().Remove(next);
        db.DescribeNextSave("candidates-merged");
        return await SaveAsync(candidate!, cancellationToken);
    }

    /// <summary>Splits the candidate at <paramref name="at"/> characters into its sentence; returns the second part.</summary>
    public async Task<Outcome<DirectiveCandidate>> SplitAsync(
        CurrentUser user, int documentId, int candidateId, int? expectedVersion, int? at, CancellationToken cancellationToken = default)
    {
        var (candidate, refused) = await LoadForChangeAsync(user, documentId, candidateId, expectedVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var text = await DocumentTextAsync(documentId, cancellationToken);
        if (at is not { } position || !CandidateEdits.CanSplitAt(candidate!, position, text))
        {
            var errors = new ValidationErrors();
            errors.Add("at", $"Split at a position inside the sentence, between 1 and {(candidate!.EndOffset - candidate.StartOffset - 1).ToString(CultureInfo.InvariantCulture)} characters from its start, leaving text on both sides.");
            return Outcome.Invalid<DirectiveCandidate>(errors);
        }

        var unitIds = (await organization.UnitsAsync(activeOnly: false, cancellationToken)).ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
        var second = CandidateEdits.Split(candidate!, position, text, unitIds);
        db.Set<DirectiveCandidate>().Add(second);
        db.DescribeNextSave("candidate-split");
        var saved = await SaveAsync(candidate!, cancellationToken);
        return saved.IsDone ? Outcome.Done(second) : saved;
    }

    /// <summary>
    /// Turns every accepted candidate of the document into a draft task (origin: directive), all in one transaction.
    /// If any of them cannot become a task (no lead unit, say), none does, and the errors name the candidates.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<DirectiveCandidate>>> CreateTasksAsync(CurrentUser user, int documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var document = await db.Set<SourceDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome.NotFound<IReadOnlyList<DirectiveCandidate>>("The document was not found.");
        }

        if (!TaskPermissions.CanManageTasks(user))
        {
            return Outcome.Forbidden<IReadOnlyList<DirectiveCandidate>>("Only the supervision office makes tasks, from documents as from anywhere else.");
        }

        var accepted = await db.Set<DirectiveCandidate>().Where(c => c.DocumentId == documentId && c.Status == CandidateStatus.Accepted)
            .OrderBy(c => c.StartOffset).ToListAsync(cancellationToken);
        if (accepted.Count == 0)
        {
            return Outcome.NotNow<IReadOnlyList<DirectiveCandidate>>("No directive is accepted: accept the ones to follow up first.", []);
        }

        var drafts = accepted.Select(c => new DraftTask(
            InputFor(document, c), $"From {document.Title}, directive at {c.StartOffset.ToString(CultureInfo.InvariantCulture)}")).ToList();
        // Inside a caller's transaction (the demo loader) the tasks join it; otherwise they have their own, which the
        // candidates' change joins: both or neither.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var made = await tasks.CreateDraftsAsync(user, drafts, "tasks-created-from-document", document.Title, cancellationToken);
        if (!made.IsDone)
        {
            return made.Errors is { } errors
                ? Outcome.Invalid<IReadOnlyList<DirectiveCandidate>>(ByCandidate(errors, accepted))
                : made.As<IReadOnlyList<DirectiveCandidate>>();
        }

        for (var i = 0; i < accepted.Count; i++)
        {
            accepted[i].TaskId = made.Value![i].TaskId;
            accepted[i].Status = CandidateStatus.TaskCreated;
        }

        db.DescribeNextSave("tasks-created-from-document", document.Title);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return Outcome.Done<IReadOnlyList<DirectiveCandidate>>(accepted);
    }

    /// <summary>The drafts' errors (drafts[2].leadUnitId) named by the candidate they came from (candidates[12].leadUnitId).</summary>
    private static ValidationErrors ByCandidate(ValidationErrors errors, List<DirectiveCandidate> accepted)
    {
        var named = new ValidationErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var key = field.StartsWith("drafts[", StringComparison.Ordinal) && close > 0
                && int.TryParse(field.AsSpan(7, close - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < accepted.Count
                ? string.Create(CultureInfo.InvariantCulture, $"candidates[{accepted[index].Id}]{field[(close + 1)..]}")
                : field;
            foreach (var message in messages)
            {
                named.Add(key, message);
            }
        }

        return named;
    }

    /// <summary>How a task cites its source: the document, its date and the sentence's offsets.</summary>
    public static string ReferenceOf(SourceDocument document, DirectiveCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(candidate);
        var where = string.Create(CultureInfo.InvariantCulture, $" {document.DocumentDate:yyyy-MM-dd} [{candidate.StartOffset}-{candidate.EndOffset})");
        var title = document.Title.Length + where.Length > 200 ? document.Title[..(200 - where.Length)] : document.Title;
        return title + where;
    }

    internal static TaskInput InputFor(SourceDocument document, DirectiveCandidate candidate) => new()
    {
        Title = candidate.Text.Trim(),
        Description = CandidateEdits.Slice(document.Text, candidate.StartOffset, candidate.EndOffset).Trim(),
        OriginKind = OriginKind.Directive,
        OriginId = candidate.Id,
        OriginReference = ReferenceOf(document, candidate),
        LeadUnitId = candidate.LeadUnitId,
        DeadlineKind = candidate.Deadline is null ? DeadlineKind.None : DeadlineKind.Date,
        Deadline = candidate.Deadline,
        Partners = [.. CandidateActors.ParseIds(candidate.PartnerUnitIds).Where(u => u != candidate.LeadUnitId).Select(u => new PartnerInput(u, null))],
    };

    private async Task<(DirectiveCandidate? Candidate, Outcome<DirectiveCandidate>? Refused)> LoadForChangeAsync(
        CurrentUser user, int documentId, int candidateId, int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var candidate = await db.Set<DirectiveCandidate>().SingleOrDefaultAsync(c => c.Id == candidateId && c.DocumentId == documentId, cancellationToken);
        if (candidate is null)
        {
            return (null, Outcome.NotFound<DirectiveCandidate>("The directive was not found."));
        }

        if (!DocumentPermissions.CanUploadDocuments(user))
        {
            return (null, Outcome.Forbidden<DirectiveCandidate>("Only the supervision office and administrators review directives."));
        }

        if (expectedVersion is null)
        {
            var errors = new ValidationErrors();
            errors.Add("version", "Send the version you reviewed (If-Match header or version field).");
            return (null, Outcome.Invalid<DirectiveCandidate>(errors));
        }

        if (expectedVersion != candidate.Version)
        {
            return (null, Outcome.Stale<DirectiveCandidate>(candidate.Version));
        }

        if (candidate.Status == CandidateStatus.TaskCreated)
        {
            return (null, Outcome.NotNow<DirectiveCandidate>("The directive is already a task; change the task instead.", []));
        }

        db.Entry(candidate).Property(c => c.Version).OriginalValue = expectedVersion.Value;
        return (candidate, null);
    }

    private async Task CheckUnitsAsync(int? lead, IReadOnlyList<int> partners, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var ids = partners.Concat(lead is { } l ? [l] : []).Distinct().ToList();
        var known = (await organization.UnitsAsync(ids, cancellationToken)).Values.Where(u => u.IsActive).Select(u => u.Id).ToList();
        if (lead is { } leadId && !known.Contains(leadId))
        {
            errors.Add("leadUnitId", "The lead unit does not exist or is inactive.");
        }

        if (partners.Any(p => !known.Contains(p)))
        {
            errors.Add("partnerUnitIds", "A co-operating unit does not exist or is inactive.");
        }
    }

    private Task<string> DocumentTextAsync(int documentId, CancellationToken cancellationToken) =>
        db.Set<SourceDocument>().Where(d => d.Id == documentId).Select(d => d.Text).SingleAsync(cancellationToken);

    private async Task<Outcome<DirectiveCandidate>> SaveAsync(DirectiveCandidate candidate, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(candidate);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<DirectiveCandidate>().Where(c => c.Id == candidate.Id).Select(c => c.Version).SingleOrDefaultAsync(cancellationToken);
            return Outcome.Stale<DirectiveCandidate>(current);
        }
    }
}
