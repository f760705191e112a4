namespace Followthrough.Plans.Files;

/// <summary>What a valid file would change: new records, changed records and new values (first reports or corrections).</summary>
internal sealed class ImportChanges
{
    public bool PlanChanged { get; private init; }

    public IReadOnlyList<ItemDraft> NewItems { get; private init; } = [];

    public IReadOnlyList<(PlanItem Stored, ItemDraft Wanted)> ChangedItems { get; private init; } = [];

    public IReadOnlyList<IndicatorDraft> NewIndicators { get; private init; } = [];

    public IReadOnlyList<(Indicator Stored, IndicatorDraft Wanted)> ChangedIndicators { get; private init; } = [];

    /// <summary>Each new value with the id of the figure it corrects (null for a first report).</summary>
    public IReadOnlyList<(ValueDraft Value, long? Supersedes)> NewValues { get; private init; } = [];

    public bool IsEmpty => !PlanChanged && NewItems.Count == 0 && ChangedItems.Count == 0 && NewIndicators.Count == 0
        && ChangedIndicators.Count == 0 && NewValues.Count == 0;

    public static ImportChanges Compute(ImportDraft draft, ExistingPlan existing)
    {
        var itemIdOf = existing.Items.ToDictionary(i => i.Key, i => (int?)i.Value.Id, StringComparer.Ordinal);
        var newItems = new List<ItemDraft>();
        var changedItems = new List<(PlanItem, ItemDraft)>();
        foreach (var item in draft.Items)
        {
            if (!existing.Items.TryGetValue(item.Code, out var stored))
            {
                newItems.Add(item);
                continue;
            }

            // A parent that is new in this file has no id yet, which differs from any stored parent.
            var parentId = item.ParentCode is { } p ? itemIdOf.GetValueOrDefault(p) ?? -1 : (int?)null;
            var partners = existing.Partners[stored.Id].Select(x => x.UnitId).ToHashSet();
            if (stored.ParentId != parentId || stored.Kind != item.Kind || stored.Position != item.Position || stored.TextZh != item.TextZh
                || stored.TextEn != item.TextEn || stored.LeadUnitId != item.LeadUnitId || stored.Weight != item.Weight
                || stored.ImplementsItemId != item.ImplementsItemId || !partners.SetEquals(item.PartnerIds))
            {
                changedItems.Add((stored, item));
            }
        }

        var newIndicators = new List<IndicatorDraft>();
        var changedIndicators = new List<(Indicator, IndicatorDraft)>();
        foreach (var indicator in draft.Indicators)
        {
            if (!existing.Indicators.TryGetValue(indicator.Code, out var stored))
            {
                newIndicators.Add(indicator);
                continue;
            }

            var itemId = itemIdOf.GetValueOrDefault(indicator.ItemCode) ?? -1;
            var targets = existing.Targets[stored.Id].ToDictionary(t => t.Year, t => new TargetValue(t.Value, t.UpperValue));
            var sameTargets = targets.Count == indicator.Targets.Count && targets.All(t => indicator.Targets.TryGetValue(t.Key, out var v) && v == t.Value);
            if (stored.PlanItemId != itemId || stored.NameZh != indicator.NameZh || stored.NameEn != indicator.NameEn
                || stored.MeasureZh != indicator.MeasureZh || stored.MeasureEn != indicator.MeasureEn || stored.Category != indicator.Category
                || stored.Nature != indicator.Nature || stored.Direction != indicator.Direction || stored.BaselineYear != indicator.BaselineYear
                || stored.BaselineValue != indicator.BaselineValue || stored.PeriodTarget != indicator.PeriodTarget
                || stored.PeriodTargetUpper != indicator.PeriodTargetUpper || stored.VisionTarget != indicator.VisionTarget
                || stored.VisionTargetUpper != indicator.VisionTargetUpper || stored.ReportingUnitId != indicator.ReportingUnitId
                || stored.Frequency != indicator.Frequency || stored.IsIllustrative != indicator.IsIllustrative || !sameTargets)
            {
                changedIndicators.Add((stored, indicator));
            }
        }

        var newValues = new List<(ValueDraft, long?)>();
        foreach (var value in draft.Values)
        {
            CurrentFigure? figure = null;
            if (existing.Indicators.TryGetValue(value.IndicatorCode, out var indicator))
            {
                existing.Figures.TryGetValue((indicator.Id, value.Period.Year, value.Period.SubPeriod), out figure);
            }

            if (figure is null || figure.Value != value.Value || figure.Note != value.Note)
            {
                newValues.Add((value, figure?.Id));
            }
        }

        return new ImportChanges
        {
            PlanChanged = existing.Plan is not { } plan || Differs(plan, draft.Plan),
            NewItems = newItems,
            ChangedItems = changedItems,
            NewIndicators = newIndicators,
            ChangedIndicators = changedIndicators,
            NewValues = newValues,
        };
    }

    public ImportSummaryDto Summary(bool applied, int? importId, string planCode) =>
        new(applied, NewItems.Count, ChangedItems.Count, NewIndicators.Count, ChangedIndicators.Count, NewValues.Count, importId, planCode);

    public static void ApplyPlan(Plan plan, PlanDraft draft)
    {
        plan.Code = draft.Code;
        plan.NameZh = draft.NameZh;
        plan.NameEn = draft.NameEn;
        plan.Level = draft.Level;
        plan.OwnerUnitId = draft.OwnerUnitId;
        plan.StartYear = draft.StartYear;
        plan.EndYear = draft.EndYear;
        plan.VisionYear = draft.VisionYear;
        plan.Status = draft.Status;
    }

    /// <summary>Copies the file's values onto a stored item (its co-operating units are the caller's to update).</summary>
    public static void ApplyItem(PlanItem item, ItemDraft draft, int? parentId)
    {
        item.ParentId = parentId;
        item.Kind = draft.Kind;
        item.Position = draft.Position;
        item.TextZh = draft.TextZh;
        item.TextEn = draft.TextEn;
        item.LeadUnitId = draft.LeadUnitId;
        item.Weight = draft.Weight;
        item.ImplementsItemId = draft.ImplementsItemId;
    }

    public static void ApplyIndicator(Indicator indicator, IndicatorDraft draft, int itemId)
    {
        indicator.PlanItemId = itemId;
        indicator.NameZh = draft.NameZh;
        indicator.NameEn = draft.NameEn;
        indicator.MeasureZh = draft.MeasureZh;
        indicator.MeasureEn = draft.MeasureEn;
        indicator.Category = draft.Category;
        indicator.Nature = draft.Nature;
        indicator.Direction = draft.Direction;
        indicator.BaselineYear = draft.BaselineYear;
        indicator.BaselineValue = draft.BaselineValue;
        indicator.PeriodTarget = draft.PeriodTarget;
        indicator.PeriodTargetUpper = draft.PeriodTargetUpper;
        indicator.VisionTarget = draft.VisionTarget;
        indicator.VisionTargetUpper = draft.VisionTargetUpper;
        indicator.ReportingUnitId = draft.ReportingUnitId;
        indicator.Frequency = draft.Frequency;
        indicator.IsIllustrative = draft.IsIllustrative;
    }

    private static bool Differs(Plan plan, PlanDraft draft) =>
        plan.NameZh != draft.NameZh || plan.NameEn != draft.NameEn || plan.Level != draft.Level || plan.OwnerUnitId != draft.OwnerUnitId
        || plan.StartYear != draft.StartYear || plan.EndYear != draft.EndYear || plan.VisionYear != draft.VisionYear || plan.Status != draft.Status;
}
