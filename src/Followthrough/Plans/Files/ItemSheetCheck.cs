namespace Followthrough.Plans.Files;

/// <summary>
/// Checks the Items sheet: unique codes, parents that exist, no item its own ancestor, kinds that fit their parent's,
/// units that exist, weights in range and links to higher-level plans that resolve. Parents and kinds are checked
/// against the outline after the import: the file's items over the stored ones.
/// </summary>
internal sealed class ItemSheetCheck(CellReader cells, UnitDirectory units, ExistingPlan existing, IReadOnlyDictionary<string, LinkablePlan> linkable)
{
    public List<ItemDraft> Check(MappedSheet sheet, PlanDraft? plan)
    {
        var drafts = new List<ItemDraft>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, PlanItemKind>(StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(SheetRow Row, string? Code, string? Parent, PlanItemKind? Kind)>();
        foreach (var row in sheet.Rows)
        {
            var code = cells.Code(sheet, row, "code", "item");
            var parent = sheet.Cell(row, "parent") is { Length: > 0 } p ? PlanChecks.NormalizeCode(p) : null;
            var kind = cells.Choice<PlanItemKind>(sheet, row, "kind");
            if (code is not null && !firstRow.TryAdd(code, row.Number))
            {
                cells.Add(sheet, row.Number, "code", $"The code '{code}' appears more than once (first on row {firstRow[code]}).");
                code = null;
            }

            if (code is not null)
            {
                parents[code] = parent;
                if (kind is { } k)
                {
                    kinds[code] = k;
                }
            }

            rows.Add((row, code, parent, kind));
        }

        // The outline after the import: the file's items over the stored ones.
        foreach (var (code, item) in existing.Items)
        {
            if (!parents.ContainsKey(code))
            {
                parents[code] = item.ParentId is { } parentId ? existing.Items.Values.FirstOrDefault(i => i.Id == parentId)?.Code : null;
                kinds[code] = item.Kind;
            }
        }

        var inCycle = ItemOutline.CycleMembers(parents);
        foreach (var (row, code, parent, kind) in rows)
        {
            var before = cells.Count;
            if (parent is not null)
            {
                if (!parents.ContainsKey(parent))
                {
                    cells.Add(sheet, row.Number, "parent", $"The parent '{parent}' is not an item of this plan (neither in the file nor on record).");
                }
                else if (code is not null && inCycle.TryGetValue(code, out var path))
                {
                    cells.Add(sheet, row.Number, "parent", $"The item '{code}' would be its own ancestor: {path}.");
                }
                else if (kind is { } k && kinds.TryGetValue(parent, out var parentKind) && PlanChecks.KindProblem(k, parentKind) is { } kindProblem)
                {
                    cells.Add(sheet, row.Number, "kind", kindProblem);
                }
            }

            var order = cells.Integer(sheet, row, "order", 0, 1_000_000);
            var textZh = cells.Text(sheet, row, "text_zh", PlanChecks.MaxTextLength, required: true);
            var textEn = cells.Text(sheet, row, "text_en", PlanChecks.MaxTextLength);
            var lead = sheet.Cell(row, "lead_unit") is { Length: > 0 } ? cells.Unit(sheet, row, "lead_unit", required: false) : null;
            var partners = Partners(sheet, row, lead);
            var weight = cells.Number(sheet, row, "weight", required: false) ?? 1m;
            if (weight < 0 || weight > PlanChecks.MaxWeight)
            {
                cells.Add(sheet, row.Number, "weight", $"The weight must be between 0 and {PlanChecks.MaxWeight}.");
            }

            var implements = HigherPlanLinks.Resolve(cells, linkable, sheet, row, plan);
            if (cells.Count != before || code is null || kind is null)
            {
                continue;
            }

            var siblingKey = parent ?? string.Empty;
            var position = order ?? positions.GetValueOrDefault(siblingKey) + 1;
            positions[siblingKey] = Math.Max(positions.GetValueOrDefault(siblingKey), position);
            drafts.Add(new ItemDraft(row.Number, code, parent, kind.Value, position, textZh!, textEn!, lead, partners, weight, implements));
        }

        return drafts;
    }

    /// <summary>The co-operating units of a row; the lead unit, if listed again, is not its own partner.</summary>
    private SortedSet<int> Partners(MappedSheet sheet, SheetRow row, int? lead)
    {
        var partners = new SortedSet<int>();
        foreach (var name in CellReader.SplitList(sheet.Cell(row, "co_units")))
        {
            var unit = units.Resolve(name, out var problem);
            if (unit is null)
            {
                cells.Add(sheet, row.Number, "co_units", problem!);
            }
            else if (unit.Id != lead)
            {
                partners.Add(unit.Id);
            }
        }

        return partners;
    }
}
