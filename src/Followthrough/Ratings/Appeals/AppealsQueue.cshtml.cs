using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Ratings.Appeals;

/// <summary>The supervision office's queue of appeals (申诉审核): each with the rating, the unit's reason and evidence, and
/// the decision form.</summary>
internal sealed class AppealsQueueModel(RatingAppeals appeals, CurrentUser me) : PageModel
{
    public IReadOnlyList<AppealEntry> Pending { get; private set; } = [];

    /// <summary>The appeal whose decision was refused, and why, keyed by field ("" for the whole form).</summary>
    public int? FailedId { get; private set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Done { get; private set; }

    [BindProperty]
    public int AppealId { get; set; }

    [BindProperty]
    public int AppealVersion { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        if (PageGate.Check(this, me, RatingsPermissions.CanDecideAppeals) is { } denied)
        {
            return denied;
        }

        Done = done;
        Pending = (await appeals.PendingAsync(me, HttpContext.RequestAborted)).Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PageGate.Check(this, me, RatingsPermissions.CanDecideAppeals) is { } denied)
        {
            return denied;
        }

        bool? upheld = Decision switch { "upheld" => true, "rejected" => false, _ => null };
        var outcome = await appeals.DecideAsync(me, AppealId, new AppealDecisionInput(upheld, Reason), AppealVersion, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return RedirectToPage(new { done = outcome.Value!.Outcome.ToString() });
        }

        FailedId = AppealId;
        Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [string.Empty] = [outcome.Refusal.Reason ?? "The decision was not saved."] };
        Pending = (await appeals.PendingAsync(me, HttpContext.RequestAborted)).Value!;
        return Page();
    }
}
