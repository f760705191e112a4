using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Followthrough.Audit;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Files;

/// <summary>How an import runs: for real or as a check only, and whose values the importer may record.</summary>
/// <param name="DryRun">Check the file and count what would change, but write nothing.</param>
/// <param name="MayRecordValuesFor">Given a reporting unit's id, whether the importer may record that unit's values;
/// null for operators at the command line, who may record any.</param>
public sealed record ImportOptions(bool DryRun = false, Func<int, bool>? MayRecordValuesFor = null);

/// <summary>What came of an import: the problems (nothing was written), or a summary of what changed.</summary>
public sealed record ImportOutcome(IReadOnlyList<ImportProblem> Problems, ImportSummaryDto? Summary)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports a plan file (CSV or Excel). The whole file is checked first and nothing is written unless every row is
/// valid. Records are matched by code: new codes are created, changed rows update their record, identical rows are
/// left alone, so importing the same file twice changes nothing and writes no audit entries. Records missing from
/// the file are kept (an import never deletes). A changed value is never overwritten: it is recorded as a correction
/// that supersedes the earlier figure.
/// <para>
/// Writing happens in one transaction. New rows are inserted in batches (no change tracker), each with its own audit
/// entry ("imported", naming the file and its SHA-256) written in bulk into the same hash chain; changed records go
/// through the normal save, which audits their before and after values; and one summary entry ("plan-imported") records
/// the file, its checksum and the counts. The trail therefore stays complete and verifiable row by row.
/// </para>
/// </summary>
public sealed class PlanImporter(FollowthroughDb db)
{
    public const string Action = "imported";
    public const string SummaryAction = "plan-imported";

    public async Task<ImportOutcome> ImportAsync(byte[] content, string fileName, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(fileName ?? string.Empty);
        List<SheetTable> tables;
        string? problem;
        switch (Path.GetExtension(name).ToLowerInvariant())
        {
            case ".csv":
                tables = CsvSheets.Read(new MemoryStream(content, writable: false), out problem);
                break;
            case ".xlsx":
                tables = XlsxSheets.Read(new MemoryStream(content, writable: false), out problem);
                break;
            default:
                return Fail(new ImportProblem(name, 0, string.Empty, "Import files are CSV (.csv) or Excel (.xlsx)."));
        }

        if (problem is not null)
        {
            return Fail(new ImportProblem(name, 0, string.Empty, problem));
        }

        var (sheets, structure) = MappedSheet.MapFile(tables);
        if (structure.Count > 0)
        {
            return new ImportOutcome(structure, null);
        }

        var planSheet = sheets[PlanFileLayout.Plan];
        var planCode = planSheet.Rows.Count > 0 && planSheet.Columns.TryGetValue("code", out var codeColumn)
            ? PlanChecks.NormalizeCode(planSheet.Rows[0][codeColumn])
            : string.Empty;
        var existing = await LoadExistingAsync(planCode, cancellationToken);
        var linkable = await HigherPlanLinks.LoadAsync(db, sheets, cancellationToken);
        var units = await UnitDirectory.LoadAsync(db, cancellationToken);
        var validator = new PlanImportValidator(units, existing, linkable, options.MayRecordValuesFor ?? (_ => true), PlanClock.Today(db.Clock));
        var draft = validator.Validate(sheets);
        if (draft is null)
        {
            return new ImportOutcome(validator.Problems, null);
        }

        var changes = ImportChanges.Compute(draft, existing);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        if (options.DryRun || changes.IsEmpty)
        {
            return new ImportOutcome([], changes.Summary(applied: false, importId: null, draft.Plan.Code));
        }

        try
        {
            var importId = await WriteAsync(draft, existing, changes, name, sha, cancellationToken);
            return new ImportOutcome([], changes.Summary(applied: true, importId, draft.Plan.Code));
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail(new ImportProblem(name, 0, string.Empty, "Someone changed the plan while the file was being imported; nothing was written. Import it again."));
        }
        catch (DbUpdateException error)
        {
            return Fail(new ImportProblem(name, 0, string.Empty, $"The import clashed with a change made at the same moment; nothing was written ({error.InnerException?.Message ?? error.Message})."));
        }
    }

    private static ImportOutcome Fail(ImportProblem problem) => new([problem], null);

    private async Task<ExistingPlan> LoadExistingAsync(string planCode, CancellationToken cancellationToken)
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

    private async Task<int> WriteAsync(ImportDraft draft, ExistingPlan existing, ImportChanges changes, string fileName, string sha, CancellationToken cancellationToken)
    {
        var comment = $"{fileName} (SHA-256 {sha})";
        var now = db.Clock.GetUtcNow().UtcDateTime;
        // Held open for the whole import, so the connection-level setting below is undone on the same connection.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
            {
                // A large import touches many index pages; SQLite's default 2 MB page cache would evict and re-read them.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072", cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditBulk.LockAsync(db, cancellationToken);
            var importId = await WriteRowsAsync(draft, existing, changes, fileName, sha, comment, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return importId;
        }
        finally
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> WriteRowsAsync(
        ImportDraft draft, ExistingPlan existing, ImportChanges changes, string fileName, string sha, string comment, DateTime now, CancellationToken cancellationToken)
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
        db.DescribeNextSave(Action, comment);
        await db.SaveChangesAsync(cancellationToken);

        // Items: new ones in bulk (parents before children, ids reserved so children can point at them), then changes.
        var itemIds = existing.Items.ToDictionary(i => i.Key, i => i.Value.Id, StringComparer.Ordinal);
        var newItems = changes.NewItems;
        var reserved = await BulkSql.ReserveIdsAsync(db, "plan_items", newItems.Count, cancellationToken);
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
                item.LeadUnitId, item.Weight, item.ImplementsItemId, 1, now, now,
            ]);
        }

        await InsertAndAuditAsync("plan_items", ItemColumns, itemRows, comment, cancellationToken, 0);
        var partnerRows = newItems.SelectMany(i => i.PartnerIds.Select(u => new object?[] { itemIds[i.Code], u })).ToList();
        await InsertAndAuditAsync("plan_item_partners", PartnerColumns, partnerRows, comment, cancellationToken, 0, 1);

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

        db.DescribeNextSave(Action, comment);
        await db.SaveChangesAsync(cancellationToken);

        // Indicators and their yearly targets, the same way.
        var indicatorIds = existing.Indicators.ToDictionary(i => i.Key, i => i.Value.Id, StringComparer.Ordinal);
        var newIndicators = changes.NewIndicators;
        reserved = await BulkSql.ReserveIdsAsync(db, "indicators", newIndicators.Count, cancellationToken);
        var indicatorRows = new List<object?[]>(newIndicators.Count);
        for (var i = 0; i < newIndicators.Count; i++)
        {
            var d = newIndicators[i];
            indicatorIds[d.Code] = (int)reserved[i];
            indicatorRows.Add(
            [
                indicatorIds[d.Code], plan.Id, itemIds[d.ItemCode], d.Code, d.NameZh, d.NameEn, d.MeasureZh, d.MeasureEn, d.Category.ToString(),
                d.Nature.ToString(), d.Direction.ToString(), d.BaselineYear, d.BaselineValue, d.PeriodTarget, d.PeriodTargetUpper, d.VisionTarget,
                d.VisionTargetUpper, d.ReportingUnitId, d.Frequency.ToString(), d.IsIllustrative, 1, now, now,
            ]);
        }

        await InsertAndAuditAsync("indicators", IndicatorColumns, indicatorRows, comment, cancellationToken, 0);
        var targetRows = newIndicators.SelectMany(d => d.Targets.Select(t => new object?[] { indicatorIds[d.Code], t.Key, t.Value.Value, t.Value.Upper })).ToList();
        await InsertAndAuditAsync("indicator_targets", TargetColumns, targetRows, comment, cancellationToken, 0, 1);

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

        db.DescribeNextSave(Action, comment);
        await db.SaveChangesAsync(cancellationToken);

        // Values: first reports and corrections are both new rows; nothing is ever overwritten.
        var newValues = changes.NewValues;
        reserved = await BulkSql.ReserveIdsAsync(db, "indicator_values", newValues.Count, cancellationToken);
        var valueRows = new List<object?[]>(newValues.Count);
        for (var i = 0; i < newValues.Count; i++)
        {
            var (value, supersedes) = newValues[i];
            valueRows.Add(
            [
                reserved[i], indicatorIds[value.IndicatorCode], value.Period.Year, value.Period.SubPeriod, value.Value, value.Note, null, supersedes,
                db.Actor.PersonId, db.Actor.Name, now, "import",
            ]);
        }

        await InsertAndAuditAsync("indicator_values", ValueColumns, valueRows, comment, cancellationToken, 0);

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
            ImportedAt = now,
            ImportedById = db.Actor.PersonId,
            ImportedByName = db.Actor.Name,
        };
        db.Set<PlanImport>().Add(summary);
        db.DescribeNextSave(SummaryAction, comment);
        await db.SaveChangesAsync(cancellationToken);
        return summary.Id;
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

    /// <summary>
    /// Inserts rows in batches and appends one audit entry per row. The entries' JSON is prepared on another thread
    /// while the database takes the rows (the chain itself is then hashed in order, inside the transaction).
    /// </summary>
    private async Task InsertAndAuditAsync(string table, string[] columns, List<object?[]> rows, string comment, CancellationToken cancellationToken, params int[] keyColumns)
    {
        var records = Task.Run(() => Records(table, columns, rows, keyColumns), cancellationToken);
        await BulkSql.InsertAsync(db, table, columns, rows, cancellationToken);
        await AuditBulk.AppendAsync(db, Action, comment, await records, cancellationToken);
    }

    /// <summary>The audit records of bulk-inserted rows: every column, keyed like the recorder keys (key parts joined by '/').</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<BulkAuditRecord> Records(string table, string[] columns, List<object?[]> rows, int[] keyColumns)
    {
        var order = new AuditColumnOrder(columns);
        var records = new List<BulkAuditRecord>(rows.Count);
        foreach (var row in rows)
        {
            var key = keyColumns.Length == 1
                ? Convert.ToString(row[keyColumns[0]], CultureInfo.InvariantCulture)!
                : string.Join('/', keyColumns.Select(k => Convert.ToString(row[k], CultureInfo.InvariantCulture)));
            records.Add(BulkAuditRecord.From(table, key, order, row));
        }

        return records;
    }

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
