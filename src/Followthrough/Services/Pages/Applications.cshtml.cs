using Followthrough.Organization;
using Followthrough.Services.Applications;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Services.Pages;

/// <summary>The applicant's own applications; for the unit's staff and the supervision office, a unit's queue, overdue first.</summary>
internal sealed class ApplicationsModel(ServiceApplications applications, OrganizationDirectory directory, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicationState? State { get; set; }

    public IReadOnlyList<ApplicationQueueRow> Rows { get; private set; } = [];

    public UnitEntry? Unit { get; private set; }

    public bool IsQueue => Unit is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        var unitId = UnitId ?? (me.Role is Role.UnitStaff ? me.UnitId : null);
        if (unitId is { } unit)
        {
            var queue = await applications.QueueAsync(me, unit, State, HttpContext.RequestAborted);
            if (!queue.IsDone)
            {
                return StatusCode(403);
            }

            Rows = queue.Value!;
            Unit = await directory.UnitAsync(unit, HttpContext.RequestAborted);
            return Page();
        }

        if (PageGate.Check(this, me, ServicesPermissions.CanApply) is { } denied)
        {
            return denied;
        }

        Rows = await applications.MineAsync(me, HttpContext.RequestAborted);
        return Page();
    }
}
