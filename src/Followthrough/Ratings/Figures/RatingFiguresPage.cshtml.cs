using System.Globalization;
using Followthrough.Organization;
using Followthrough.Ratings.Publication;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Ratings.Figures;

/// <summary>
/// The ratings figures (好差评统计) for the government's staff: a month per unit and item, the trend of the last six
/// months beside its table, and, for the supervision office, the month's publication.
/// </summary>
internal sealed class RatingFiguresPageModel(RatingFigures figures, RatingPublications publications, OrganizationDirectory directory, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    public RatingMonth? Figures { get; private set; }

    public IReadOnlyList<RatingTrendPoint> Trend { get; private set; } = [];

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public string? MonthError { get; private set; }

    public PublishedRatings? Published { get; private set; }

    public bool CanPublish => RatingsPermissions.CanPublish(me);

    public CurrentUser Me => me;

    /// <summary>The month is over, so it may be published.</summary>
    public bool IsOver { get; private set; }

    public string? PublishError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, RatingsPermissions.CanReadFigures) is { } denied)
        {
            return denied;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        if (PageGate.Check(this, me, RatingsPermissions.CanPublish) is { } denied)
        {
            return denied;
        }

        var outcome = await publications.PublishAsync(me, Month, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return RedirectToPage(new { month = outcome.Value!.Month, unit = Unit });
        }

        PublishError = outcome.Errors?.ToDictionary().SelectMany(e => e.Value).FirstOrDefault() ?? outcome.Refusal.Reason;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var today = ChinaClock.Today(TimeProvider.System);
        Month = string.IsNullOrWhiteSpace(Month) ? today.ToString("yyyy-MM", CultureInfo.InvariantCulture) : Month.Trim();
        Units = [.. (await directory.UnitsAsync(activeOnly: true, HttpContext.RequestAborted)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        var outcome = await figures.MonthAsync(me, Month, Unit, HttpContext.RequestAborted);
        if (!outcome.IsDone)
        {
            MonthError = outcome.Errors?.ToDictionary().SelectMany(e => e.Value).FirstOrDefault();
            return;
        }

        Figures = outcome.Value;
        Trend = (await figures.TrendAsync(me, Figures!.Month, Unit, 6, HttpContext.RequestAborted)).Value ?? [];
        Published = await publications.GetAsync(Figures.Month, HttpContext.RequestAborted);
        IsOver = string.CompareOrdinal(Figures.Month, today.ToString("yyyy-MM", CultureInfo.InvariantCulture)) < 0;
    }
}
