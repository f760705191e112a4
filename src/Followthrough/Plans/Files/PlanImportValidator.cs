namespace Followthrough.Plans.Files;

/// <summary>
/// Checks a whole plan file before anything is written and reports every problem with its sheet, row and column:
/// unknown units, numbers that are not numbers, parents that do not exist, cycles, duplicate codes, periods outside
/// the plan, units of measure that do not match, and the rest. Only a file without a single problem becomes a draft.
/// Each sheet has its own check; they run in the order of the sheets, each seeing what the earlier ones read.
/// </summary>
internal sealed class PlanImportValidator(
    UnitDirectory units, ExistingPlan existing, IReadOnlyDictionary<string, LinkablePlan> linkable, Func<int, bool> mayRecordFor, DateOnly today)
{
    private readonly CellReader _cells = new(units);

    public IReadOnlyList<ImportProblem> Problems => _cells.Problems;

    public ImportDraft? Validate(Dictionary<FileSheet, MappedSheet> sheets)
    {
        var plan = new PlanSheetCheck(_cells, existing).Check(sheets[PlanFileLayout.Plan]);
        var items = sheets.TryGetValue(PlanFileLayout.Items, out var itemSheet)
            ? new ItemSheetCheck(_cells, units, existing, linkable).Check(itemSheet, plan)
            : [];
        var itemKinds = ItemOutline.KindsAfterImport(existing, items);
        var indicatorCheck = new IndicatorSheetCheck(_cells, existing);
        var indicators = sheets.TryGetValue(PlanFileLayout.Indicators, out var indicatorSheet)
            ? indicatorCheck.Check(indicatorSheet, plan, itemKinds)
            : [];
        var values = sheets.TryGetValue(PlanFileLayout.Values, out var valueSheet)
            ? new ValueSheetCheck(_cells, units, existing, mayRecordFor, today).Check(valueSheet, plan, indicatorCheck.FileIndicators)
            : [];
        return _cells.Count == 0 && plan is not null ? new ImportDraft(plan, items, indicators, values) : null;
    }
}
