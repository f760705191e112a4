using Followthrough.Ratings.Rating;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Ratings.Appeals;

/// <summary>A unit appeals one of its ratings (申诉): the rating, the last day to appeal, the form, or the appeal as decided.</summary>
internal sealed class AppealRatingModel(RatingAppeals appeals, FollowthroughDb db, CurrentUser me) : PageModel
{
    public ServiceRating? Rating { get; private set; }

    public AppealEntry? Appeal { get; private set; }

    public DateOnly LastDay { get; private set; }

    public bool WindowOpen { get; private set; }

    public bool CanAppeal { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(int ratingId) => await LoadAsync(ratingId) ?? Page();

    public async Task<IActionResult> OnPostAsync(int ratingId)
    {
        if (await LoadAsync(ratingId) is { } missing)
        {
            return missing;
        }

        var outcome = await appeals.FileAsync(me, ratingId, new AppealInput(Reason, Evidence), HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return RedirectToPage(new { ratingId });
        }

        Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]>();
        Refused = outcome.Errors is null ? outcome.Refusal.Reason : null;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int ratingId)
    {
        if (PageGate.Check(this, me, CurrentUser.IsGovernmentStaff) is { } denied)
        {
            return denied;
        }

        Rating = await db.Set<ServiceRating>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == ratingId, HttpContext.RequestAborted);
        if (Rating is null || !RatingsPermissions.CanSeeUnitRatings(me, Rating.UnitId))
        {
            return NotFound();
        }

        Appeal = await appeals.OfRatingAsync(ratingId, HttpContext.RequestAborted);
        LastDay = appeals.LastDayToAppeal(DateOnly.FromDateTime(ChinaClock.Local(Rating.RatedAt)));
        WindowOpen = db.Clock.Today() <= LastDay;
        CanAppeal = Appeal is null && WindowOpen && RatingsPermissions.CanAppeal(me, Rating.UnitId);
        return null;
    }
}
