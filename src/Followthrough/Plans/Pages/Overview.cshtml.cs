using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Followthrough.Plans.Pages;

/// <summary>The plan at a glance: indicators counted by status, by chapter (with weighted progress) and by category.</summary>
internal sealed class OverviewModel(PlanOverview board, CurrentUser user) : PlanPage(user)
{
    public PlanSnapshot Snapshot { get; private set; } = null!;

    public IReadOnlyList<(IndicatorCategory Category, StatusCounts Counts)> ByCategory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (RefuseUnlessReader() is { } refusal)
        {
            return refusal;
        }

        var snapshot = await board.LoadAsync(id, cancellationToken);
        if (snapshot is null)
        {
            return NotFound();
        }

        Snapshot = snapshot;
        ByCategory = [.. snapshot.Indicators.GroupBy(i => i.Category).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Aggregate(StatusCounts.Zero, (counts, i) => counts.Add(snapshot.Assessments[i.Id].Status))))];
        return Page();
    }
}
