using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Files;

/// <summary>The current figure of one period, as the import compares against it.</summary>
internal sealed record CurrentFigure(long Id, decimal Value, string Note);

/// <summary>What the database holds for the plan named in the file (empty when the plan is new).</summary>
internal sealed class ExistingPlan
{
    public Plan? Plan { get; init; }

    public Dictionary<string, PlanItem> Items { get; init; } = new(StringComparer.Ordinal);

    public ILookup<int, PlanItemPartner> Partners { get; init; } = Array.Empty<PlanItemPartner>().ToLookup(p => p.PlanItemId);

    public Dictionary<string, Indicator> Indicators { get; init; } = new(StringComparer.Ordinal);

    public ILookup<int, IndicatorTarget> Targets { get; init; } = Array.Empty<IndicatorTarget>().ToLookup(t => t.IndicatorId);

    public Dictionary<(int IndicatorId, int Year, int SubPeriod), CurrentFigure> Figures { get; init; } = [];

    public HashSet<int> IndicatorsWithValues { get; init; } = [];

    public int? MinValueYear { get; init; }

    public int? MaxValueYear { get; init; }

    /// <summary>Reads the plan with the code the file names, with its items, indicators and values; empty when there is none.</summary>
    public static async Task<ExistingPlan> LoadAsync(FollowthroughDb db, string planCode, CancellationToken cancellationToken)
    {
        var plan = planCode.Length == 0 ? null : await db.Set<Plan>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return new ExistingPlan();
        }

        var items = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == plan.Id).ToListAsync(cancellationToken);
        var partners = await db.Set<PlanItemPartner>().AsNoTracking()
            .Where(p => db.Set<PlanItem>().Any(i => i.Id == p.PlanItemId && i.PlanId == plan.Id)).ToListAsync(cancellationToken);
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.PlanId == plan.Id).ToListAsync(cancellationToken);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking()
            .Where(t => db.Set<Indicator>().Any(i => i.Id == t.IndicatorId && i.PlanId == plan.Id)).ToListAsync(cancellationToken);
        var values = await db.Set<IndicatorValue>().AsNoTracking()
            .Where(v => db.Set<Indicator>().Any(i => i.Id == v.IndicatorId && i.PlanId == plan.Id))
            .Select(v => new { v.Id, v.IndicatorId, v.Year, v.SubPeriod, v.Value, v.Note })
            .ToListAsync(cancellationToken);
        var figures = new Dictionary<(int, int, int), CurrentFigure>();
        foreach (var v in values)
        {
            var key = (v.IndicatorId, v.Year, v.SubPeriod);
            if (!figures.TryGetValue(key, out var figure) || figure.Id < v.Id)
            {
                figures[key] = new CurrentFigure(v.Id, v.Value, v.Note);
            }
        }

        return new ExistingPlan
        {
            Plan = plan,
            Items = items.ToDictionary(i => i.Code, StringComparer.Ordinal),
            Partners = partners.ToLookup(p => p.PlanItemId),
            Indicators = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal),
            Targets = targets.ToLookup(t => t.IndicatorId),
            Figures = figures,
            IndicatorsWithValues = [.. values.Select(v => v.IndicatorId)],
            MinValueYear = values.Count == 0 ? null : values.Min(v => v.Year),
            MaxValueYear = values.Count == 0 ? null : values.Max(v => v.Year),
        };
    }
}
