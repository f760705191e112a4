using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Files;

/// <summary>A higher-level plan that items of the file may implement, with the codes of the items the file names.</summary>
internal sealed record LinkablePlan(string Code, PlanLevel Level, IReadOnlyDictionary<string, int> ItemIds);

/// <summary>
/// The Items sheet's "implements" column: each cell names an item of a higher-level plan as PLAN:ITEM. The plans named
/// are loaded once for the whole file, and each cell is then resolved to the item's id.
/// </summary>
internal static class HigherPlanLinks
{
    /// <summary>The plans (and their items) that the file's "implements" column names.</summary>
    public static async Task<Dictionary<string, LinkablePlan>> LoadAsync(
        FollowthroughDb db, Dictionary<FileSheet, MappedSheet> sheets, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, LinkablePlan>(StringComparer.Ordinal);
        if (!sheets.TryGetValue(PlanFileLayout.Items, out var items) || !items.Columns.TryGetValue("implements", out var column))
        {
            return result;
        }

        var references = items.Rows.Select(r => Split(r[column]))
            .Where(p => p.Length == 2)
            .Select(p => (Plan: PlanChecks.NormalizeCode(p[0]), Item: PlanChecks.NormalizeCode(p[1])))
            .ToList();
        var planCodes = references.Select(r => r.Plan).Distinct().ToList();
        if (planCodes.Count == 0)
        {
            return result;
        }

        var plans = await db.Set<Plan>().AsNoTracking().Where(p => planCodes.Contains(p.Code)).ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            var codes = references.Where(r => r.Plan == plan.Code).Select(r => r.Item).Distinct().ToList();
            var ids = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == plan.Id && codes.Contains(i.Code))
                .ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, cancellationToken);
            result[plan.Code] = new LinkablePlan(plan.Code, plan.Level, ids);
        }

        return result;
    }

    /// <summary>The id of the item a row implements; null when the cell is empty or names nothing it may implement.</summary>
    public static int? Resolve(CellReader cells, IReadOnlyDictionary<string, LinkablePlan> linkable, MappedSheet sheet, SheetRow row, PlanDraft? plan)
    {
        var text = sheet.Cell(row, "implements");
        if (text.Length == 0)
        {
            return null;
        }

        var parts = Split(text);
        if (parts.Length != 2)
        {
            cells.Add(sheet, row.Number, "implements", $"'{text}' does not name a higher-level plan's item (write PLAN:ITEM, e.g. LN-14FYP:C2.1).");
            return null;
        }

        var planCode = PlanChecks.NormalizeCode(parts[0]);
        var itemCode = PlanChecks.NormalizeCode(parts[1]);
        if (!linkable.TryGetValue(planCode, out var target))
        {
            cells.Add(sheet, row.Number, "implements", $"The plan '{planCode}' does not exist.");
            return null;
        }

        if (plan is not null && !PlanChecks.CanImplement(plan.Level, target.Level))
        {
            cells.Add(sheet, row.Number, "implements",
                $"The plan '{planCode}' is not at a higher level than this {PlanVocabulary.Word(plan.Level)} plan; items implement higher-level plans only.");
            return null;
        }

        if (!target.ItemIds.TryGetValue(itemCode, out var id))
        {
            cells.Add(sheet, row.Number, "implements", $"The plan '{planCode}' has no item '{itemCode}'.");
            return null;
        }

        return id;
    }

    /// <summary>PLAN:ITEM, with an ASCII or a full-width colon (Chinese input methods write the latter).</summary>
    private static string[] Split(string text) => text.Split([':', '：'], 2, StringSplitOptions.TrimEntries);
}
