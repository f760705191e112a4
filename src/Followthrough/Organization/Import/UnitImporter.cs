using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization.Import;

/// <summary>What an import did (or, on a dry run or with problems, would have done).</summary>
public sealed record ImportResult(ImportPlan Plan, bool Applied);

/// <summary>
/// Reads and writes the units file. An import is checked as a whole first (<see cref="UnitImportCheck"/>); only a
/// file without problems is applied, in one transaction, so either every row lands or none does. Unchanged rows
/// are skipped, so importing an export again writes nothing and adds nothing to the audit trail.
/// </summary>
public sealed class UnitImporter
{
    private readonly FollowthroughDb db;
    private readonly UnitService units;

    /// <summary>Built by the module's registration; callers get it from the container.</summary>
    internal UnitImporter(FollowthroughDb db, UnitService units)
    {
        this.db = db;
        this.units = units;
    }

    public async Task<IReadOnlyList<UnitSnapshot>> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var all = await units.AllAsync(cancellationToken);
        var codes = all.ToDictionary(u => u.Id, u => u.Code);
        return [.. all.Select(u => new UnitSnapshot(u.Code, u.NameZh, u.NameEn, u.Kind, u.ParentId is { } p ? codes[p] : null, u.Aliases, u.IsActive))];
    }

    public async Task ExportAsync(TextWriter writer, CancellationToken cancellationToken = default) =>
        UnitCsv.Write(writer, await SnapshotAsync(cancellationToken));

    /// <summary>Checks the file and, unless it has problems or <paramref name="dryRun"/> is set, applies it.</summary>
    public async Task<ImportResult> ImportAsync(TextReader reader, string source, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var file = UnitCsv.Read(reader);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var checkedPlan = UnitImportCheck.Check(file.Rows, await SnapshotAsync(cancellationToken));
        if (file.Problems.Count > 0)
        {
            // Problems of the file's form and of its rows' content, all in one list by row.
            checkedPlan = checkedPlan with { Problems = [.. file.Problems.Concat(checkedPlan.Problems).OrderBy(p => p.Row)] };
        }

        if (!checkedPlan.IsValid || dryRun || checkedPlan.Units.All(u => u.Change == ImportChange.Unchanged))
        {
            return new ImportResult(checkedPlan, false);
        }

        await ApplyAsync(checkedPlan, source, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(checkedPlan, true);
    }

    private async Task ApplyAsync(ImportPlan plan, string source, CancellationToken cancellationToken)
    {
        var tracked = await db.Set<Unit>().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);

        // New units go in parents first, a generation per save, so each child can point at its parent's new id.
        var pending = plan.Units.Where(u => u.Change == ImportChange.Create).Select(u => u.Unit).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(u => u.ParentCode is null || tracked.TryGetValue(u.ParentCode, out var p) && p.Id != 0).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The import plan has new units whose parents never appear; the check should have refused it.");
            }

            foreach (var snapshot in ready)
            {
                var unit = new Unit { Code = snapshot.Code, NameZh = snapshot.NameZh, NameEn = snapshot.NameEn };
                Apply(unit, snapshot, tracked);
                db.Set<Unit>().Add(unit);
                tracked[unit.Code] = unit;
                pending.Remove(snapshot);
            }

            db.DescribeNextSave("imported", source);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var change in plan.Units.Where(u => u.Change == ImportChange.Update))
        {
            Apply(tracked[change.Unit.Code], change.Unit, tracked);
        }

        if (db.ChangeTracker.HasChanges())
        {
            db.DescribeNextSave("imported", source);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void Apply(Unit unit, UnitSnapshot snapshot, Dictionary<string, Unit> tracked)
    {
        unit.NameZh = snapshot.NameZh;
        unit.NameEn = snapshot.NameEn;
        unit.Kind = snapshot.Kind;
        unit.Aliases = snapshot.Aliases;
        unit.IsActive = snapshot.IsActive;
        unit.ParentId = snapshot.ParentCode is null ? null : tracked[snapshot.ParentCode].Id;
    }
}
