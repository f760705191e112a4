using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Pages;

internal sealed class IndexModel(FollowthroughDb db, OrganizationDirectory organization, CurrentUser user) : PlanPage(user)
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    public UnitDirectory Units { get; private set; } = new([]);

    public IReadOnlyDictionary<int, int> IndicatorCounts { get; private set; } = new Dictionary<int, int>();

    public bool CanEdit => PlanPermissions.CanEditPlans(Me);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (RefuseUnlessReader() is { } refusal)
        {
            return refusal;
        }

        Plans = await db.Set<Plan>().AsNoTracking().OrderByDescending(p => p.StartYear).ThenBy(p => p.Level).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        Units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        IndicatorCounts = await db.Set<Indicator>().AsNoTracking().GroupBy(i => i.PlanId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return Page();
    }
}
