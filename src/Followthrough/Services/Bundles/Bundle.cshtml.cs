using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Services.Bundles;

/// <summary>A bundle's public page: what life event it serves, its parts, their units and limits, and the way to apply.</summary>
internal sealed class BundleModel(ServiceBundles bundles, BundleApplications filings, OrganizationDirectory directory, CurrentUser me) : PageModel
{
    public BundleEntry Bundle { get; private set; } = null!;

    public IReadOnlyDictionary<int, UnitEntry> Units { get; private set; } = new Dictionary<int, UnitEntry>();

    public bool CanApply => ServicesPermissions.CanApply(me);

    public bool SignedIn => me.PersonId is not null;

    /// <summary>A window officer of a unit handling one of the parts records the bundle for an applicant.</summary>
    public bool MayRecordAtWindow { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await bundles.GetAsync(id, HttpContext.RequestAborted) is not { } bundle)
        {
            return NotFound();
        }

        Bundle = bundle;
        MayRecordAtWindow = !CanApply && await filings.MayRecordAtWindowAsync(me, bundle, HttpContext.RequestAborted);
        Units = (await directory.UnitsAsync(activeOnly: false, HttpContext.RequestAborted)).ToDictionary(u => u.Id);
        return Page();
    }
}
