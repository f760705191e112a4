using Followthrough.Organization;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Needs.Pages;

/// <summary>The supervision office's overview of enterprise needs: how many stand where, the open ones overdue first,
/// the reopened ones it must dispatch again, and each unit's queue.</summary>
internal sealed class OverviewModel(EnterpriseNeeds needs, OrganizationDirectory directory, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public NeedsOverview Overview { get; private set; } = null!;

    public IReadOnlyDictionary<int, UnitEntry> Units { get; private set; } = new Dictionary<int, UnitEntry>();

    /// <summary>Open needs per unit whose move it is, for the links to each unit's queue.</summary>
    public IReadOnlyList<(UnitEntry Unit, int Open, int Overdue)> ByUnit { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, NeedsPermissions.CanReadOverview) is { } denied)
        {
            return denied;
        }

        Overview = (await needs.OverviewAsync(me, Overdue, HttpContext.RequestAborted)).Value!;
        var ids = Overview.Open.SelectMany(r => new[] { (int?)r.ResponsibleUnitId, r.LeadUnitId, r.HolderUnitId }).OfType<int>().Distinct();
        Units = await directory.UnitsAsync(ids, HttpContext.RequestAborted);
        ByUnit = [.. Overview.Open.Where(r => r.HolderUnitId is not null).GroupBy(r => r.HolderUnitId!.Value)
            .Where(g => Units.ContainsKey(g.Key))
            .Select(g => (Units[g.Key], g.Count(), g.Count(r => r.IsOverdue)))
            .OrderByDescending(u => u.Item3).ThenByDescending(u => u.Item2)];
        return Page();
    }
}
