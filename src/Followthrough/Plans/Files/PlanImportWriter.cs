using Followthrough.Audit;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Files;

/// <summary>
/// Writes a checked file's changes in one transaction: the plan, then items, indicators with their yearly targets, and
/// values, each new row inserted in bulk with its audit entry and each changed record through the normal (audited)
/// save; last the summary of the import. Every entry names the file and its SHA-256.
/// </summary>
internal sealed class PlanImportWriter(FollowthroughDb db, ImportDraft draft, ExistingPlan existing, ImportChanges changes, string fileName, string sha)
{
    private readonly string _comment = $"{fileName} (SHA-256 {sha})";
    private readonly DateTime _now = db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Writes everything and returns the id of the import's summary record.</summary>
    public async Task<int> WriteAsync(CancellationToken cancellationToken)
    {
        // Held open for the whole import, so the connection-level setting below is undone on the same connection.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
            {
                // A large import touches many index pages; SQLite's default 2 MB page cache would evict and re-read them.
                await db.ExecuteAsync("PRAGMA cache_size = -131072", [], cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditBulk.LockAsync(db, cancellationToken);
            var plan = await WritePlanAsync(cancellationToken);
            var itemIds = await WriteItemsAsync(plan, cancellationToken);
            var indicatorIds = await WriteIndicatorsAsync(plan, itemIds, cancellationToken);
            await WriteValuesAsync(indicatorIds, cancellationToken);
            var importId = await RecordImportAsync(plan, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return importId;
        }
        finally
        {
            if (db.Database.IsSqlite())
            {
                await db.ExecuteAsync("PRAGMA cache_size = -2000", [], CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Plan> WritePlanAsync(CancellationToken cancellationToken)
    {
        var plan = existing.Plan ?? new Plan { Code = draft.Plan.Code, NameZh = draft.Plan.NameZh, NameEn = draft.Plan.NameEn };
        if (existing.Plan is null)
        {
            db.Set<Plan>().Add(plan);
        }
        else
        {
            db.Set<Plan>().Attach(plan);
        }

        ImportChanges.ApplyPlan(plan, draft.Plan);
        await SaveAsync(PlanImporter.Action, cancellationToken);
        return plan;
    }

    /// <summary>New items in bulk (parents before children, ids reserved so children can point at them), then changes.</summary>
    private async Task<Dictionary<string, int>> WriteItemsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var itemIds = existing.Items.ToDictionary(i => i.Key, i => i.Value.Id, StringComparer.Ordinal);
        var newItems = changes.NewItems;
        var reserved = await HandWrittenSql.ReserveIdsAsync(db, "plan_items", newItems.Count, cancellationToken);
        for (var i = 0; i < newItems.Count; i++)
        {
            itemIds[newItems[i].Code] = (int)reserved[i];
        }

        int? ParentOf(ItemDraft item) => item.ParentCode is { } parent ? itemIds[parent] : null;
        var itemRows = new List<object?[]>(newItems.Count);
        foreach (var item in ParentsFirst(newItems))
        {
            itemRows.Add(
            [
                itemIds[item.Code], plan.Id, ParentOf(item), item.Code, item.Kind.ToString(), item.Position, item.TextZh, item.TextEn,
                item.LeadUnitId, item.Weight, item.ImplementsItemId, 1, _now, _now,
            ]);
        }

        await AuditedBulkInsert.InsertAsync(db, "plan_items", ItemColumns, itemRows, _comment, cancellationToken, 0);
        var partnerRows = newItems.SelectMany(i => i.PartnerIds.Select(u => new object?[] { itemIds[i.Code], u })).ToList();
        await AuditedBulkInsert.InsertAsync(db, "plan_item_partners", PartnerColumns, partnerRows, _comment, cancellationToken, 0, 1);

        foreach (var (stored, wanted) in changes.ChangedItems)
        {
            db.Set<PlanItem>().Attach(stored);
            ImportChanges.ApplyItem(stored, wanted, ParentOf(wanted));
            var partnersChanged = !existing.Partners[stored.Id].Select(p => p.UnitId).ToHashSet().SetEquals(wanted.PartnerIds);
            foreach (var gone in existing.Partners[stored.Id].Where(p => !wanted.PartnerIds.Contains(p.UnitId)))
            {
                db.Set<PlanItemPartner>().Remove(gone);
            }

            foreach (var unitId in wanted.PartnerIds.Where(u => existing.Partners[stored.Id].All(p => p.UnitId != u)))
            {
                db.Set<PlanItemPartner>().Add(new PlanItemPartner { PlanItemId = stored.Id, UnitId = unitId });
            }

            if (partnersChanged)
            {
                db.Entry(stored).Property(i => i.Version).IsModified = true;
            }
        }

        await SaveAsync(PlanImporter.Action, cancellationToken);
        return itemIds;
    }

    /// <summary>Indicators and their yearly targets, the same way as items.</summary>
    private async Task<Dictionary<string, int>> WriteIndicatorsAsync(Plan plan, Dictionary<string, int> itemIds, CancellationToken cancellationToken)
    {
        var indicatorIds = existing.Indicators.ToDictionary(i => i.Key, i => i.Value.Id, StringComparer.Ordinal);
        var newIndicators = changes.NewIndicators;
        var reserved = await HandWrittenSql.ReserveIdsAsync(db, "indicators", newIndicators.Count, cancellationToken);
        var indicatorRows = new List<object?[]>(newIndicators.Count);
        for (var i = 0; i < newIndicators.Count; i++)
        {
            var d = newIndicators[i];
            indicatorIds[d.Code] = (int)reserved[i];
            indicatorRows.Add(
            [
                indicatorIds[d.Code], plan.Id, itemIds[d.ItemCode], d.Code, d.NameZh, d.NameEn, d.MeasureZh, d.MeasureEn, d.Category.ToString(),
                d.Nature.ToString(), d.Direction.ToString(), d.BaselineYear, d.BaselineValue, d.PeriodTarget, d.PeriodTargetUpper, d.VisionTarget,
                d.VisionTargetUpper, d.ReportingUnitId, d.Frequency.ToString(), d.IsIllustrative, 1, _now, _now,
            ]);
        }

        await AuditedBulkInsert.InsertAsync(db, "indicators", IndicatorColumns, indicatorRows, _comment, cancellationToken, 0);
        var targetRows = newIndicators.SelectMany(d => d.Targets.Select(t => new object?[] { indicatorIds[d.Code], t.Key, t.Value.Value, t.Value.Upper })).ToList();
        await AuditedBulkInsert.InsertAsync(db, "indicator_targets", TargetColumns, targetRows, _comment, cancellationToken, 0, 1);

        foreach (var (stored, wanted) in changes.ChangedIndicators)
        {
            db.Set<Indicator>().Attach(stored);
            ImportChanges.ApplyIndicator(stored, wanted, itemIds[wanted.ItemCode]);
            var current = existing.Targets[stored.Id].ToList();
            foreach (var target in current)
            {
                db.Set<IndicatorTarget>().Attach(target);
            }

            if (IndicatorEditor.ReplaceTargets(db, stored.Id, current, wanted.Targets))
            {
                db.Entry(stored).Property(i => i.Version).IsModified = true;
            }
        }

        await SaveAsync(PlanImporter.Action, cancellationToken);
        return indicatorIds;
    }

    /// <summary>Values: first reports and corrections are both new rows; nothing is ever overwritten.</summary>
    private async Task WriteValuesAsync(Dictionary<string, int> indicatorIds, CancellationToken cancellationToken)
    {
        var newValues = changes.NewValues;
        var reserved = await HandWrittenSql.ReserveIdsAsync(db, "indicator_values", newValues.Count, cancellationToken);
        var valueRows = new List<object?[]>(newValues.Count);
        for (var i = 0; i < newValues.Count; i++)
        {
            var (value, supersedes) = newValues[i];
            valueRows.Add(
            [
                reserved[i], indicatorIds[value.IndicatorCode], value.Period.Year, value.Period.SubPeriod, value.Value, value.Note, null, supersedes,
                db.Actor.PersonId, db.Actor.Name, _now, "import",
            ]);
        }

        await AuditedBulkInsert.InsertAsync(db, "indicator_values", ValueColumns, valueRows, _comment, cancellationToken, 0);
    }

    /// <summary>The import's own record, with the file, its checksum and the counts; audited as "plan-imported".</summary>
    private async Task<int> RecordImportAsync(Plan plan, CancellationToken cancellationToken)
    {
        var summary = new PlanImport
        {
            PlanId = plan.Id,
            FileName = fileName,
            Sha256 = sha,
            ItemsCreated = changes.NewItems.Count,
            ItemsUpdated = changes.ChangedItems.Count,
            IndicatorsCreated = changes.NewIndicators.Count,
            IndicatorsUpdated = changes.ChangedIndicators.Count,
            ValuesRecorded = changes.NewValues.Count,
            ImportedAt = _now,
            ImportedById = db.Actor.PersonId,
            ImportedByName = db.Actor.Name,
        };
        db.Set<PlanImport>().Add(summary);
        await SaveAsync(PlanImporter.SummaryAction, cancellationToken);
        return summary.Id;
    }

    private async Task SaveAsync(string action, CancellationToken cancellationToken)
    {
        db.DescribeNextSave(action, _comment);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] ItemColumns =
        ["id", "plan_id", "parent_id", "code", "kind", "position", "text_zh", "text_en", "lead_unit_id", "weight", "implements_item_id", "version", "created_at", "updated_at"];

    private static readonly string[] PartnerColumns = ["plan_item_id", "unit_id"];

    private static readonly string[] IndicatorColumns =
    [
        "id", "plan_id", "plan_item_id", "code", "name_zh", "name_en", "measure_zh", "measure_en", "category", "nature", "direction",
        "baseline_year", "baseline_value", "period_target", "period_target_upper", "vision_target", "vision_target_upper",
        "reporting_unit_id", "frequency", "is_illustrative", "version", "created_at", "updated_at",
    ];

    private static readonly string[] TargetColumns = ["indicator_id", "year", "value", "upper_value"];

    private static readonly string[] ValueColumns =
        ["id", "indicator_id", "year", "sub_period", "value", "note", "evidence_id", "supersedes_id", "reported_by_id", "reported_by_name", "reported_at", "source"];

    private static List<ItemDraft> ParentsFirst(IReadOnlyList<ItemDraft> items)
    {
        var byCode = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<ItemDraft>(items.Count);
        foreach (var item in items)
        {
            var chain = new Stack<ItemDraft>();
            for (var at = item; at is not null && !placed.Contains(at.Code); at = at.ParentCode is { } p ? byCode.GetValueOrDefault(p) : null)
            {
                chain.Push(at);
                placed.Add(at.Code);
            }

            ordered.AddRange(chain);
        }

        return ordered;
    }
}
