using Followthrough.Ratings.Rectification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Ratings.Pages;

/// <summary>One bad rating's rectification case: what the rater said, and the unit's steps in order.</summary>
internal sealed class CaseModel(RatingRectifications cases, CurrentUser me, IStringLocalizer<RatingsText> text) : PageModel
{
    public RatingEntry Rating { get; private set; } = null!;

    public bool MayAct { get; private set; }

    public RatingFormErrors Errors { get; private set; } = RatingFormErrors.None;

    public string? Problem { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public bool? Reached { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int ratingId) =>
        !me.IsSignedIn ? Challenge() : await LoadAsync(ratingId) ? Page() : NotFound();

    public Task<IActionResult> OnPostVerifyAsync(int ratingId) => StepAsync(ratingId, input => cases.VerifyAsync(me, ratingId, input, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRectifyAsync(int ratingId) => StepAsync(ratingId, input => cases.RectifyAsync(me, ratingId, input, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCallBackAsync(int ratingId) => StepAsync(ratingId, input => cases.CallBackAsync(me, ratingId, input, HttpContext.RequestAborted));

    private async Task<IActionResult> StepAsync(int ratingId, Func<RectificationStepInput, Task<Outcome<RatingEntry>>> step)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        var outcome = await step(new RectificationStepInput(Note, Reply, Reached, Version));
        if (outcome.IsDone)
        {
            return Redirect($"/ratings/rectifications/{ratingId}");
        }

        if (outcome.Kind == OutcomeKind.NotFound || !await LoadAsync(ratingId))
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            Errors = RatingFormErrors.From(errors, text);
        }
        else
        {
            Problem = outcome.Kind == OutcomeKind.Stale ? text["Someone else changed this case meanwhile; it is shown as it is now."] : text[outcome.Reason ?? "The step could not be taken."];
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int ratingId)
    {
        var rating = await cases.GetAsync(me, ratingId, HttpContext.RequestAborted);
        if (!rating.IsDone || rating.Value!.Rectification is null)
        {
            return false;
        }

        Rating = rating.Value;
        MayAct = RatingsPermissions.CanHandleRectification(me, Rating.UnitId);
        return true;
    }
}
