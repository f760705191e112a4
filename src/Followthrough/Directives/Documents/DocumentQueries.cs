using Followthrough.Accounts;
using Followthrough.Directives.Review;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Directives.Documents;

/// <summary>Reading documents and their candidates for the API and the pages, with the reading rule applied.</summary>
internal sealed class DocumentQueries(FollowthroughDb db, TaskLedger tasks)
{
    /// <summary>The document, or null when it does not exist or the person may not see it (both answer 404: a unit
    /// must not learn which documents exist).</summary>
    public async Task<SourceDocument?> FindAsync(CurrentUser user, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var document = await db.Set<SourceDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        if (DocumentPermissions.CanReadAllDocuments(user))
        {
            return document;
        }

        var leads = await LeadUnitsAsync(id, cancellationToken);
        return DocumentPermissions.CanReadDocument(user, leads) ? document : null;
    }

    /// <summary>Documents the person may read, newest first.</summary>
    public async Task<(List<SourceDocument> Rows, int Total)> ListAsync(CurrentUser user, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var query = db.Set<SourceDocument>().AsNoTracking();
        if (!DocumentPermissions.CanReadAllDocuments(user))
        {
            if (user.Role != Role.UnitStaff || user.UnitId is not { } unit)
            {
                return ([], 0);
            }

            var led = await tasks.LedByAsync(unit, cancellationToken);
            var mine = db.Set<DirectiveCandidate>().Where(c => c.TaskId != null && led.Contains(c.TaskId.Value)).Select(c => c.DocumentId);
            query = query.Where(d => mine.Contains(d.Id));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.DocumentDate).ThenByDescending(d => d.Id).Skip(skip).Take(take)
            .Select(d => new SourceDocument
            {
                Id = d.Id,
                Kind = d.Kind,
                Title = d.Title,
                DocumentDate = d.DocumentDate,
                IssuingBody = d.IssuingBody,
                Language = d.Language,
                Text = string.Empty, // lists never carry whole texts
                FileName = d.FileName,
                ContentType = d.ContentType,
                SizeBytes = d.SizeBytes,
                Sha256 = d.Sha256,
                UploadedById = d.UploadedById,
                Version = d.Version,
                CreatedAt = d.CreatedAt,
                UpdatedAt = d.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>One page of a document's candidates in text order, and how many there are.</summary>
    public async Task<(List<DirectiveCandidate> Rows, int Total)> CandidatesAsync(int documentId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Set<DirectiveCandidate>().AsNoTracking().Where(c => c.DocumentId == documentId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(c => c.StartOffset).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>How many candidates come before this one in text order (for finding its page).</summary>
    public async Task<int?> PositionAsync(int documentId, int candidateId, CancellationToken cancellationToken = default)
    {
        var start = await db.Set<DirectiveCandidate>().Where(c => c.Id == candidateId && c.DocumentId == documentId)
            .Select(c => (int?)c.StartOffset).SingleOrDefaultAsync(cancellationToken);
        return start is null ? null : await db.Set<DirectiveCandidate>().CountAsync(c => c.DocumentId == documentId && c.StartOffset < start, cancellationToken);
    }

    public async Task<FollowUpReport> FollowUpAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var counts = await db.Set<DirectiveCandidate>().Where(c => c.DocumentId == documentId)
            .GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return FollowUpReport.Compute(
            counts.Sum(c => c.Count),
            counts.Where(c => c.Status == CandidateStatus.Rejected).Sum(c => c.Count),
            await tasks.StandingsAsync(await TaskIdsAsync(documentId, cancellationToken), cancellationToken));
    }

    /// <summary>
    /// The source sentence of a task made from a document, for the task's page; null for other tasks. Only the text up
    /// to the sentence's end is read (a report may be megabytes): SQLite and PostgreSQL count code points, so that prefix
    /// always holds the first EndOffset UTF-16 units, and Slice clamps.
    /// </summary>
    public async Task<DirectiveSource?> SourceOfTaskAsync(int taskId, CancellationToken cancellationToken = default)
    {
        var found = await db.Set<DirectiveCandidate>().AsNoTracking().Where(c => c.TaskId == taskId)
            .Join(db.Set<SourceDocument>(), c => c.DocumentId, d => d.Id, (c, d) => new { c.Id, c.DocumentId, c.StartOffset, c.EndOffset, d.Title, Prefix = d.Text.Substring(0, c.EndOffset) })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new DirectiveSource(found.DocumentId, found.Id, found.Title, CandidateEdits.Slice(found.Prefix, found.StartOffset, found.EndOffset).Trim());
    }

    /// <summary>The ids of the tasks made from the document's directives.</summary>
    public async Task<List<int>> TaskIdsAsync(int documentId, CancellationToken cancellationToken = default) =>
        await db.Set<DirectiveCandidate>().Where(c => c.DocumentId == documentId && c.TaskId != null).Select(c => c.TaskId!.Value)
            .Distinct().ToListAsync(cancellationToken);

    /// <summary>The lead units of the document's tasks that their staff may see: a draft task opens nothing to anyone.</summary>
    private async Task<List<int>> LeadUnitsAsync(int documentId, CancellationToken cancellationToken) =>
        [.. (await tasks.StandingsAsync(await TaskIdsAsync(documentId, cancellationToken), cancellationToken))
            .Where(t => t.State != TaskState.Draft).Select(t => t.LeadUnitId).Distinct()];
}

/// <summary>Where a task's words came from: the document, the candidate (anchor c{id} on the review page) and the sentence.</summary>
internal sealed record DirectiveSource(int DocumentId, int CandidateId, string DocumentTitle, string Sentence);
