using System.Globalization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Plans;

/// <summary>
/// Reads a whole plan for display and reports: its outline, indicators with their status, and the roll-up of every
/// item. One snapshot serves the tree page, the overview, the API's status and the command line, so they always agree.
/// </summary>
public sealed class PlanBoard(FollowthroughDb db, IEnumerable<IPlanProgressSource> sources)
{
    public async Task<PlanSnapshot?> LoadAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Set<Plan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var today = PlanClock.Today(db.Clock);
        var units = await UnitDirectory.LoadAsync(db, cancellationToken);
        // Projected without their timestamps: parsing 20,000 times on SQLite costs more than the rest of the row.
        var items = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == planId)
            .Select(i => new PlanItem
            {
                Id = i.Id, PlanId = i.PlanId, ParentId = i.ParentId, Code = i.Code, Kind = i.Kind, Position = i.Position, TextZh = i.TextZh,
                TextEn = i.TextEn, LeadUnitId = i.LeadUnitId, Weight = i.Weight, ImplementsItemId = i.ImplementsItemId, Version = i.Version,
            })
            .ToListAsync(cancellationToken);
        var partners = await db.Set<PlanItemPartner>().AsNoTracking()
            .Join(db.Set<PlanItem>().Where(i => i.PlanId == planId), p => p.PlanItemId, i => i.Id, (p, _) => p)
            .ToListAsync(cancellationToken);
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.PlanId == planId)
            .Select(i => new Indicator
            {
                Id = i.Id, PlanId = i.PlanId, PlanItemId = i.PlanItemId, Code = i.Code, NameZh = i.NameZh, NameEn = i.NameEn, MeasureZh = i.MeasureZh,
                MeasureEn = i.MeasureEn, Category = i.Category, Nature = i.Nature, Direction = i.Direction, BaselineYear = i.BaselineYear,
                BaselineValue = i.BaselineValue, PeriodTarget = i.PeriodTarget, PeriodTargetUpper = i.PeriodTargetUpper, VisionTarget = i.VisionTarget,
                VisionTargetUpper = i.VisionTargetUpper, ReportingUnitId = i.ReportingUnitId, Frequency = i.Frequency, IsIllustrative = i.IsIllustrative,
                Version = i.Version,
            })
            .ToListAsync(cancellationToken);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking()
            .Join(db.Set<Indicator>().Where(i => i.PlanId == planId), t => t.IndicatorId, i => i.Id, (t, _) => t)
            .ToListAsync(cancellationToken);
        var latest = await LatestValuesAsync(planId, cancellationToken);
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
        foreach (var source in sources)
        {
            others.Add(await source.PartsAsync(planId, today, cancellationToken));
        }

        return new PlanSnapshot(plan, today, units, items, partners, indicators, targetsOf, assessments, others)
        {
            Linked = linked.ToDictionary(l => l.ItemId),
        };
    }

    /// <summary>The current value of the latest reported period of each indicator of the plan.</summary>
    /// <remarks>
    /// The current figure of a period is its newest row (a correction always comes after what it corrects), so the
    /// latest figure of an indicator is its row with the greatest (year, part of year, id). Hand-written SQL: one index
    /// probe per indicator, where the ORM's grouping sorts every value of the plan (ten times slower on a large plan).
    /// </remarks>
    private async Task<Dictionary<int, LatestValue>> LatestValuesAsync(int planId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT v.indicator_id, v.year, v.sub_period, v.value
            FROM indicators i
            JOIN indicator_values v ON v.id = (
                SELECT w.id FROM indicator_values w
                WHERE w.indicator_id = i.id
                ORDER BY w.year DESC, w.sub_period DESC, w.id DESC
                LIMIT 1)
            WHERE i.plan_id = @plan
            """;
        var result = new Dictionary<int, LatestValue>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@plan";
            parameter.Value = planId;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // SQLite keeps decimals as text, PostgreSQL as numeric.
                var raw = reader.GetValue(3);
                var value = raw is string text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                var indicatorId = reader.GetInt32(0);
                result[indicatorId] = new LatestValue(indicatorId, reader.GetInt32(1), reader.GetInt32(2), value);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    private sealed record LatestValue(int IndicatorId, int Year, int SubPeriod, decimal Value);
}

/// <summary>A plan as read at one moment, with everything computed that pages and reports show.</summary>
public sealed class PlanSnapshot
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
public sealed record LinkedItem(int ItemId, int PlanId, string PlanCode, string ItemCode, string TextZh, string TextEn)
{
    public string Reference => $"{PlanCode}:{ItemCode}";

    public string DisplayText(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(TextEn) ? TextZh : TextEn;
}
