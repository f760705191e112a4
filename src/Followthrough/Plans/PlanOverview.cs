using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>
/// Reads a whole plan for display and reports: its outline, indicators with their status, and the roll-up of every
/// item. One snapshot serves the tree page, the overview, the API's status and the command line, so they always agree.
/// Snapshots are kept in <see cref="PlanSnapshotCache"/> and reused while nothing in the database has changed (every
/// write appends to the audit trail, so the trail's head is a change counter for the whole database) and the day is
/// the same (statuses depend on it).
/// </summary>
internal sealed class PlanOverview(FollowthroughDb db, OrganizationDirectory organization, Audit.AuditTrail trail, IEnumerable<IPlanProgressSource> sources, PlanSnapshotCache? cache = null)
{
    public async Task<PlanSnapshot?> LoadAsync(int planId, CancellationToken cancellationToken = default)
    {
        var today = ChinaClock.Today(db.Clock);
        if (cache is null)
        {
            return await ReadAsync(planId, today, cancellationToken);
        }

        var head = await trail.LastSequenceAsync(cancellationToken);
        if (cache.TryGet(planId, head, today, out var cached))
        {
            return cached;
        }

        var snapshot = await ReadAsync(planId, today, cancellationToken);
        if (snapshot is not null)
        {
            cache.Set(planId, head, today, snapshot);
        }

        return snapshot;
    }

    private async Task<PlanSnapshot?> ReadAsync(int planId, DateOnly today, CancellationToken cancellationToken)
    {
        var plan = await db.Set<Plan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        var (items, partners, indicators, targets) = await PlanRows.ReadAsync(db, planId, cancellationToken);
        var latest = (await PlanRows.LatestValuesAsync(db, planId, cancellationToken)).ToDictionary(v => v.IndicatorId);
        var linkedIds = items.Where(i => i.ImplementsItemId is not null).Select(i => i.ImplementsItemId!.Value).Distinct().ToList();
        var linked = linkedIds.Count == 0
            ? []
            : await db.Set<PlanItem>().AsNoTracking().Where(i => linkedIds.Contains(i.Id))
                .Join(db.Set<Plan>(), i => i.PlanId, p => p.Id, (i, p) => new LinkedItem(i.Id, p.Id, p.Code, i.Code, i.TextZh, i.TextEn))
                .ToListAsync(cancellationToken);

        var targetsOf = targets.ToLookup(t => t.IndicatorId);
        var assessments = new Dictionary<int, IndicatorAssessment>(indicators.Count);
        foreach (var indicator in indicators)
        {
            var definition = IndicatorRules.Definition(indicator, plan, targetsOf[indicator.Id]);
            var actuals = latest.TryGetValue(indicator.Id, out var value)
                ? [new ActualValue(new ReportingPeriod(indicator.Frequency, value.Year, value.SubPeriod), value.Value)]
                : Array.Empty<ActualValue>();
            assessments[indicator.Id] = IndicatorStatusRule.Assess(definition, actuals, today);
        }

        var others = new List<ILookup<int, ProgressComponent>>();
        var itemIds = items.Select(i => i.Id).ToList();
        foreach (var source in sources)
        {
            others.Add(await source.PartsAsync(itemIds, today, cancellationToken));
        }

        return new PlanSnapshot(plan, today, units, items, partners, indicators, targetsOf, assessments, others)
        {
            Linked = linked.ToDictionary(l => l.ItemId),
        };
    }

}

/// <summary>A plan as read at one moment, with everything computed that pages and reports show.</summary>
internal sealed class PlanSnapshot
{
    private readonly ILookup<int, int> _partners;
    private readonly ILookup<int, Indicator> _indicatorsOf;
    private readonly ILookup<int, IndicatorTarget> _targets;
    private readonly List<ILookup<int, ProgressComponent>> _otherParts;

    internal PlanSnapshot(
        Plan plan,
        DateOnly today,
        UnitDirectory units,
        IReadOnlyList<PlanItem> items,
        IReadOnlyList<PlanItemPartner> partners,
        IReadOnlyList<Indicator> indicators,
        ILookup<int, IndicatorTarget> targets,
        IReadOnlyDictionary<int, IndicatorAssessment> assessments,
        List<ILookup<int, ProgressComponent>> otherParts)
    {
        Plan = plan;
        Today = today;
        Units = units;
        Items = items.ToDictionary(i => i.Id);
        _partners = partners.ToLookup(p => p.PlanItemId, p => p.UnitId);
        Indicators = indicators;
        _indicatorsOf = indicators.OrderBy(i => i.Code, StringComparer.Ordinal).ToLookup(i => i.PlanItemId);
        _targets = targets;
        Assessments = assessments;
        _otherParts = otherParts;
        Outline = new PlanOutline(items.Select(i => new OutlineNode(i.Id, i.ParentId, i.Position)));
        Rollups = PlanRollup.Compute(Outline, id => Items[id].Weight, PartsOf);
        Totals = StatusCounts.Zero;
        decimal weighted = 0, weights = 0;
        foreach (var root in Outline.Roots)
        {
            var rollup = Rollups[root];
            Totals = Totals.Add(rollup.Total);
            if (rollup.Progress is { } progress && Items[root].Weight > 0)
            {
                weighted += Items[root].Weight * progress;
                weights += Items[root].Weight;
            }
        }

        Progress = weights > 0 ? weighted / weights : null;
    }

    public Plan Plan { get; }

    /// <summary>Items of higher-level plans that items of this plan implement, by id.</summary>
    public IReadOnlyDictionary<int, LinkedItem> Linked { get; init; } = new Dictionary<int, LinkedItem>();

    /// <summary>The day (Beijing time) the statuses were computed for.</summary>
    public DateOnly Today { get; }

    public UnitDirectory Units { get; }

    public IReadOnlyDictionary<int, PlanItem> Items { get; }

    public PlanOutline Outline { get; }

    public IReadOnlyList<Indicator> Indicators { get; }

    public IReadOnlyDictionary<int, IndicatorAssessment> Assessments { get; }

    public IReadOnlyDictionary<int, ItemRollup> Rollups { get; }

    /// <summary>Counts over the whole plan.</summary>
    public StatusCounts Totals { get; }

    /// <summary>Weighted progress over the chapters.</summary>
    public decimal? Progress { get; }

    public IEnumerable<int> PartnersOf(int itemId) => _partners[itemId];

    public IEnumerable<Indicator> IndicatorsOf(int itemId) => _indicatorsOf[itemId];

    public IEnumerable<IndicatorTarget> TargetsOf(int indicatorId) => _targets[indicatorId].OrderBy(t => t.Year);

    /// <summary>Everything counted towards the item itself: its indicators, then parts from other modules.</summary>
    public IEnumerable<ProgressComponent> PartsOf(int itemId)
    {
        foreach (var indicator in _indicatorsOf[itemId])
        {
            var assessment = Assessments[indicator.Id];
            yield return new ProgressComponent("indicator", assessment.Status, assessment.Progress);
        }

        foreach (var parts in _otherParts)
        {
            foreach (var part in parts[itemId])
            {
                yield return part;
            }
        }
    }

    /// <summary>Whether the unit leads or co-operates on the item.</summary>
    public bool Involves(int itemId, int unitId) => Items[itemId].LeadUnitId == unitId || _partners[itemId].Contains(unitId);
}

/// <summary>An item of another plan, as a link shows it: "LN-14FYP:C2.1" and its text.</summary>
internal sealed record LinkedItem(int ItemId, int PlanId, string PlanCode, string ItemCode, string TextZh, string TextEn)
{
    public string Reference => $"{PlanCode}:{ItemCode}";

    public string DisplayText(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(TextEn) ? TextZh : TextEn;
}
