using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Web;
using Followthrough.Audit;
using Followthrough.Directives.Documents;
using Followthrough.Directives.Review;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Followthrough.Directives.Pages;

/// <summary>
/// One document: its facts, the follow-up report, the text with its directives marked and, page by page (50 at a
/// time, so a 200-page work report stays light), each directive's review form; then "create tasks".
/// </summary>
internal sealed class DetailsModel(
    DocumentQueries queries, CandidateReview review, FollowthroughDb db, AuditTrail audit, CurrentUser me,
    IStringLocalizer<DirectivesText> text, OrganizationDirectory organization, PlanItemLookup planItems, TaskLedger tasks) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Open the page holding this candidate (links from tasks).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Candidate { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public int CandidateId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public CandidateStatus? Status { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int? LeadUnitId { get; set; }

    [BindProperty]
    public List<int> PartnerUnitIds { get; set; } = [];

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    [BindProperty]
    public int? PlanItemId { get; set; }

    [BindProperty]
    public int? At { get; set; }

    public SourceDocument Document { get; private set; } = null!;

    public IReadOnlyList<DirectiveCandidate> Candidates { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>Where the previous page's text ended, so no words fall between pages.</summary>
    public int PreviousEnd { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public FollowUpReport Report { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> PlanItems { get; private set; } = [];

    public IReadOnlyDictionary<int, string> TaskCodes { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<AuditHistoryEntry> History { get; private set; } = [];

    public bool CanReview => DocumentPermissions.CanUploadDocuments(me);

    /// <summary>Making tasks is the supervision office's, from a document as from anywhere else (TaskLedger's rule).</summary>
    public bool CanCreateTasks => TaskPermissions.CanManageTasks(me);

    /// <summary>The candidate whose form failed, and its field errors.</summary>
    public int? ErrorCandidate { get; private set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Problem { get; private set; }

    public string? ErrorOf(int candidateId, string field) =>
        ErrorCandidate == candidateId && Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        if (Candidate is { } wanted && await queries.PositionAsync(Id, wanted, HttpContext.RequestAborted) is { } position)
        {
            PageNumber = (position / PageSize) + 1;
        }

        return await ShowAsync();
    }

    public Task<IActionResult> OnPostReviewAsync() => ActAsync(() => review.UpdateAsync(me, Id, CandidateId, Version, new CandidateEdit
    {
        Status = Status,
        Text = Text,
        Assignment = true,
        LeadUnitId = LeadUnitId,
        PartnerUnitIds = PartnerUnitIds,
        Deadline = Deadline,
        PlanItemId = PlanItemId,
    }, HttpContext.RequestAborted), "saved");

    public Task<IActionResult> OnPostMergeAsync() =>
        ActAsync(() => review.MergeWithNextAsync(me, Id, CandidateId, Version, HttpContext.RequestAborted), "merged");

    public Task<IActionResult> OnPostSplitAsync() =>
        ActAsync(() => review.SplitAsync(me, Id, CandidateId, Version, At, HttpContext.RequestAborted), "split");

    public async Task<IActionResult> OnPostCreateTasksAsync()
    {
        if (PageGate.Check(this, me, DocumentPermissions.CanUploadDocuments) is { } denied)
        {
            return denied;
        }

        var done = await review.CreateTasksAsync(me, Id, HttpContext.RequestAborted);
        if (done.IsDone)
        {
            return Redirect($"/documents/{Id}?done=tasks&page={PageNumber}");
        }

        if (done.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Problem = done.Kind == OutcomeKind.Invalid
            ? text["No task was created: some accepted directives are not ready."] + " "
              + string.Join(" ", done.Errors!.ToDictionary().Select(e => $"{CandidateLabel(e.Key)}: {string.Join(" ", e.Value)}"))
            : done.Reason;
        Response.StatusCode = done.Kind == OutcomeKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return await ShowAsync();
    }

    private string CandidateLabel(string key)
    {
        // candidates[12].leadUnitId → the directive's number on the page
        var open = key.IndexOf('[', StringComparison.Ordinal);
        var close = key.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open ? string.Format(CultureInfo.CurrentCulture, text["Directive c{0}"], key[(open + 1)..close]) : key;
    }

    private async Task<IActionResult> ActAsync(Func<Task<Outcome<DirectiveCandidate>>> act, string done)
    {
        if (PageGate.Check(this, me, DocumentPermissions.CanUploadDocuments) is { } denied)
        {
            return denied;
        }

        var outcome = await act();
        if (outcome.IsDone)
        {
            return Redirect($"/documents/{Id}?done={done}&page={PageNumber}#c{CandidateId}");
        }

        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                ErrorCandidate = CandidateId;
                Errors = outcome.Errors!.ToDictionary();
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case OutcomeKind.Stale:
                Problem = text["Someone changed this directive meanwhile; it is shown as it is now. Make your change again."];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                Problem = outcome.Reason;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        var token = HttpContext.RequestAborted;
        var document = await queries.FindAsync(me, Id, token);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        PageNumber = Math.Max(1, PageNumber);
        var (rows, total) = await queries.CandidatesAsync(Id, PageRequest.SkipFor(PageNumber, PageSize), PageSize, token);
        (Candidates, Total) = (rows, total);
        if (rows.Count > 0 && PageNumber > 1)
        {
            var first = rows[0].StartOffset;
            PreviousEnd = await db.Set<DirectiveCandidate>().Where(c => c.DocumentId == Id && c.StartOffset < first)
                .MaxAsync(c => (int?)c.EndOffset, token) ?? first;
        }
        Report = await queries.FollowUpAsync(Id, token);
        var culture = CultureInfo.CurrentUICulture;
        var units = await organization.UnitsAsync(activeOnly: true, token);
        Units = [.. units.Select(u => (u.Id, u.DisplayName(culture)))];
        if (CanReview)
        {
            var items = await planItems.InPlanOrderAsync(500, token);
            PlanItems = [.. items.Select(i => (i.Id, Short($"{i.Code} {(culture.Name.StartsWith("zh", StringComparison.Ordinal) || i.TextEn.Length == 0 ? i.TextZh : i.TextEn)}")))];
        }

        var taskIds = rows.Where(c => c.TaskId is not null).Select(c => c.TaskId!.Value).ToList();
        TaskCodes = (await tasks.StandingsAsync(taskIds, token)).ToDictionary(t => t.Id, t => t.Code);
        History = await audit.HistoryAsync("source_documents", Id, token);
        return Page();
    }

    private static string Short(string value) => value.Length <= 80 ? value : value[..79] + "…";

    /// <summary>The stretch of the text this page shows: from a little before its first directive to its last one's end.</summary>
    public (int Start, int End) Excerpt()
    {
        if (Candidates.Count == 0)
        {
            return (0, Math.Min(Document.Text.Length, 2000));
        }

        var start = PageNumber == 1 ? 0 : PreviousEnd;
        var end = PageNumber >= PageCount ? Document.Text.Length : Candidates.Max(c => c.EndOffset);
        return (start, Math.Min(end, Document.Text.Length));
    }
}
