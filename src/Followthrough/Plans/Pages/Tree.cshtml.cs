using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Followthrough.Plans.Pages;

/// <summary>
/// The plan's outline as a tree of expandable items. Filters keep the items a unit leads, co-operates on or reports
/// for, or the items whose indicators have a status, together with their ancestors (opened, so the matches show).
/// </summary>
internal sealed class TreeModel(PlanOverview board, CurrentUser user) : PlanPage(user)
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public IndicatorStatus? Status { get; set; }

    /// <summary>Opens every item (for printing, or reading the whole plan at once).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Expand { get; set; }

    public PlanSnapshot Snapshot { get; private set; } = null!;

    /// <summary>Items to show; null when nothing is filtered.</summary>
    public HashSet<int>? Visible { get; private set; }

    public HashSet<int> Open { get; } = [];

    public IReadOnlyList<Organization.UnitEntry> UnitChoices { get; private set; } = [];

    public bool IsFiltered => Visible is not null;

    public int Matches { get; private set; }

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
        var involved = new HashSet<int>();
        foreach (var item in snapshot.Items.Values)
        {
            if (item.LeadUnitId is { } lead)
            {
                involved.Add(lead);
            }

            involved.UnionWith(snapshot.PartnersOf(item.Id));
        }

        involved.UnionWith(snapshot.Indicators.Select(i => i.ReportingUnitId));
        UnitChoices = [.. involved.Select(u => snapshot.Units[u]!).OrderBy(u => u.Code, StringComparer.Ordinal)];

        if (Expand)
        {
            Open.UnionWith(snapshot.Outline.DepthFirst);
        }

        var unit = string.IsNullOrWhiteSpace(Unit) ? null : snapshot.Units.Resolve(Unit, out _);
        if (unit is null && Status is null)
        {
            return Page();
        }

        Visible = [];
        foreach (var id2 in snapshot.Outline.DepthFirst)
        {
            var indicators = snapshot.IndicatorsOf(id2).ToList();
            var unitMatches = unit is null || snapshot.Involves(id2, unit.Id) || indicators.Any(i => i.ReportingUnitId == unit.Id);
            var statusMatches = Status is not { } wanted || indicators.Any(i => snapshot.Assessments[i.Id].Status == wanted);
            if (unitMatches && statusMatches)
            {
                Matches++;
                Visible.Add(id2);
                foreach (var ancestor in snapshot.Outline.AncestorsOf(id2))
                {
                    Visible.Add(ancestor);
                    Open.Add(ancestor);
                }
            }
        }

        return Page();
    }
}
