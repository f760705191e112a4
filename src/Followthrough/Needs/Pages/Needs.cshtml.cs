using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Needs.Pages;

/// <summary>The enterprise's own needs; for a unit's staff, the unit's queue, overdue first; the supervision office,
/// leaders and administrators go to the overview (or read one unit's queue with ?unitId=).</summary>
internal sealed class NeedsModel(EnterpriseNeeds needs, OrganizationDirectory directory, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public IReadOnlyList<NeedRow> Rows { get; private set; } = [];

    public UnitEntry? Unit { get; private set; }

    public IReadOnlyDictionary<int, UnitEntry> Units { get; private set; } = new Dictionary<int, UnitEntry>();

    public bool IsQueue => Unit is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        if (me.Role is Role.Enterprise)
        {
            Rows = await needs.MineAsync(me, HttpContext.RequestAborted);
        }
        else if ((UnitId ?? (me.Role is Role.UnitStaff ? me.UnitId : null)) is { } unit)
        {
            var queue = await needs.QueueAsync(me, unit, Overdue, HttpContext.RequestAborted);
            if (!queue.IsDone)
            {
                return StatusCode(403);
            }

            Rows = queue.Value!;
            Unit = await directory.UnitAsync(unit, HttpContext.RequestAborted);
        }
        else if (NeedsPermissions.CanReadOverview(me))
        {
            return Redirect("/needs/overview");
        }
        else
        {
            return StatusCode(403);
        }

        Units = await directory.UnitsAsync(Rows.SelectMany(r => new[] { (int?)r.ResponsibleUnitId, r.LeadUnitId }).OfType<int>().Distinct(), HttpContext.RequestAborted);
        return Page();
    }
}
