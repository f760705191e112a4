using Followthrough.Ratings.Rectification;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Ratings.Pages;

/// <summary>A unit's ratings and its rectification queue (overdue first); the supervision office sees every unit's.</summary>
internal sealed class RectificationsModel(RatingRectifications cases, CurrentUser me) : PageModel
{
    public IReadOnlyList<RectificationRow> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The supervision office and administrators read every unit's ratings.</summary>
    public bool ForEveryUnit => me.Role is not Role.UnitStaff;

    [FromQuery(Name = "unit")]
    public int? UnitId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, RatingsPermissions.CanReadRectifications) is { } denied)
        {
            return denied;
        }

        var outcome = await cases.QueueAsync(me, me.Role is Role.UnitStaff ? null : UnitId, cancellationToken: HttpContext.RequestAborted);
        Rows = outcome.Value ?? [];
        Today = ChinaClock.Today(TimeProvider.System);
        return Page();
    }
}
