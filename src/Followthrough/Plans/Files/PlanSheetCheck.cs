namespace Followthrough.Plans.Files;

/// <summary>Checks the Plan sheet: its one row names the plan, its level, owner and period.</summary>
internal sealed class PlanSheetCheck(CellReader cells, ExistingPlan existing)
{
    public PlanDraft? Check(MappedSheet sheet)
    {
        if (sheet.Rows.Count != 1)
        {
            cells.Add(sheet, sheet.Rows.Count == 0 ? 0 : sheet.Rows[1].Number, string.Empty, "The Plan sheet must have exactly one row under its header.");
            return null;
        }

        var row = sheet.Rows[0];
        var before = cells.Count;
        var code = cells.Code(sheet, row, "code", "plan");
        var nameZh = cells.Text(sheet, row, "name_zh", PlanChecks.MaxNameLength, required: true);
        var nameEn = cells.Text(sheet, row, "name_en", PlanChecks.MaxNameLength);
        var level = cells.Choice<PlanLevel>(sheet, row, "level");
        var owner = cells.Unit(sheet, row, "owner_unit", required: true);
        var start = cells.Year(sheet, row, "start_year", required: true);
        var end = cells.Year(sheet, row, "end_year", required: true);
        var vision = cells.Year(sheet, row, "vision_year", required: false);
        var status = cells.Choice<PlanStatus>(sheet, row, "status");
        foreach (var (field, message) in PlanEditor.YearProblems(start, end, vision))
        {
            if (start is not null && end is not null)
            {
                cells.Add(sheet, row.Number, field == "visionYear" ? "vision_year" : "end_year", message);
            }
        }

        if (existing.Plan is { } current && current.Level != level && level is not null && existing.Items.Values.Any(i => i.ImplementsItemId is not null))
        {
            // Links were checked against the old level; let the plan office change the level through the API instead.
            cells.Add(sheet, row.Number, "level", "The plan's items implement higher-level plans; its level cannot change by import.");
        }

        if (start is { } s && end is { } e && (existing.MinValueYear < s || existing.MaxValueYear > e))
        {
            cells.Add(sheet, row.Number, "start_year", $"Values are on record for {existing.MinValueYear}–{existing.MaxValueYear}; the plan period must still cover them.");
        }

        return cells.Count == before
            ? new PlanDraft(code!, nameZh!, nameEn!, level!.Value, owner!.Value, start!.Value, end!.Value, vision, status!.Value)
            : null;
    }
}
