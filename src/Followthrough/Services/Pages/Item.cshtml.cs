using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Services.Pages;

/// <summary>One service, for everyone: the materials to bring or upload, the limits, the level and the visits.</summary>
internal sealed class ItemModel(ServiceCatalogue catalogue, OrganizationDirectory directory, CurrentUser me) : PageModel
{
    public ServiceItemEntry Item { get; private set; } = null!;

    public UnitEntry? Unit { get; private set; }

    public bool CanMaintain => ServicesPermissions.CanMaintainCatalogue(me);

    /// <summary>Enterprises and citizens apply online; the unit's staff record an application at the window.</summary>
    public bool CanApply => ServicesPermissions.CanApply(me) || ServicesPermissions.CanHandleApplications(me, Item.UnitId);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await catalogue.GetAsync(id, HttpContext.RequestAborted) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Unit = await directory.UnitAsync(item.UnitId, HttpContext.RequestAborted);
        return Page();
    }
}
