using Followthrough.Organization;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Services.Bundles;

/// <summary>A bundle application's one status for its applicant: where it stands, and each part with its unit, state, due date and reason.</summary>
internal sealed class BundleApplicationModel(BundleApplications filings, OrganizationDirectory directory, CurrentUser me) : PageModel
{
    public BundleApplicationEntry Filed { get; private set; } = null!;

    public IReadOnlyDictionary<int, UnitEntry> Units { get; private set; } = new Dictionary<int, UnitEntry>();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (PageGate.Check(this, me, u => u.PersonId is not null) is { } denied)
        {
            return denied;
        }

        var outcome = await filings.GetAsync(me, id, HttpContext.RequestAborted);
        if (!outcome.IsDone)
        {
            return NotFound();
        }

        Filed = outcome.Value!;
        Units = (await directory.UnitsAsync(activeOnly: false, HttpContext.RequestAborted)).ToDictionary(u => u.Id);
        return Page();
    }

    /// <summary>The words for a bundle's status; they are the keys of their Chinese text.</summary>
    public static string Label(BundleProgress progress) => progress switch
    {
        BundleProgress.WaitingForYou => "Waiting for you",
        BundleProgress.Finished => "Finished",
        _ => "In progress",
    };

    public static string Next(BundleProgress progress) => progress switch
    {
        BundleProgress.WaitingForYou => "A unit asks you for a supplement: open that part, supplement what it lists and resubmit.",
        BundleProgress.Finished => "Every part has been decided. Each decision is on its part's page.",
        _ => "The units are handling their parts, each under its own time limit.",
    };
}
