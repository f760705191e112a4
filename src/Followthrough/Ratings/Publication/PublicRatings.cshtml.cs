using Followthrough.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Followthrough.Ratings.Publication;

/// <summary>The published ratings (好差评公示) for anyone, without signing in: the latest published month unless another is asked.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicLookups)]
internal sealed class PublicRatingsModel(RatingPublications publications) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<string> Months { get; private set; } = [];

    public PublishedRatings? Published { get; private set; }

    /// <summary>A month was asked that is not published.</summary>
    public bool NotPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Months = await publications.MonthsAsync(HttpContext.RequestAborted);
        var month = string.IsNullOrWhiteSpace(Month) ? (Months.Count > 0 ? Months[0] : null) : Month.Trim();
        if (month is not null)
        {
            Published = await publications.GetAsync(month, HttpContext.RequestAborted);
            NotPublished = Published is null;
            Month = month;
        }

        return Page();
    }
}
