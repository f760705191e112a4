using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization;

/// <summary>
/// Creating, changing, deactivating and listing units, for the API, the pages and the CLI alike. Every change is
/// checked by <see cref="UnitRules"/> and against the other units (unique code, a live parent, no cycles), saved
/// once, and so audited by <see cref="FollowthroughDb"/>.
/// </summary>
internal sealed class UnitService(FollowthroughDb db)
{
    private IQueryable<Unit> Units => db.Set<Unit>();

    public Task<Unit?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<Unit?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalized = UnitRules.NormalizeCode(code);
        return Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == normalized, cancellationToken);
    }

    public async Task<UnitDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var unit = await FindAsync(id, cancellationToken);
        return unit is null ? null : await ToDtoAsync(unit, cancellationToken);
    }

    public async Task<UnitDto> ToDtoAsync(Unit unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var parentCode = unit.ParentId is { } parentId
            ? await Units.Where(u => u.Id == parentId).Select(u => u.Code).SingleOrDefaultAsync(cancellationToken)
            : null;
        return UnitDto.From(unit, parentCode);
    }

    /// <summary>One page of units in code order; the search matches codes, names and aliases, ignoring case.</summary>
    public async Task<Paged<UnitDto>> ListAsync(UnitFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Units.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            // lower() on both sides: PostgreSQL compares case-sensitively, SQLite's instr() too.
            var q = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() here is SQL lower(), which has no culture; StringComparison does not translate
            query = query.Where(u => u.Code.ToLower().Contains(q) || u.NameZh.ToLower().Contains(q)
                || u.NameEn.ToLower().Contains(q) || u.Aliases.ToLower().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(u => u.Kind == kind);
        }

        if (filter.ParentId is { } parentId)
        {
            query = query.Where(u => u.ParentId == parentId);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(u => u.IsActive == active);
        }

        var total = await query.CountAsync(cancellationToken);
        var units = await OrderByCode(query).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var codes = await CodesOfAsync(units.Select(u => u.ParentId), cancellationToken);
        var items = units.Select(u => UnitDto.From(u, u.ParentId is { } p ? codes.GetValueOrDefault(p) : null)).ToList();
        return new Paged<UnitDto>(items, page.Page, page.PageSize, total);
    }

    /// <summary>Every unit in code order (for exports, pick lists and the CLI).</summary>
    public async Task<IReadOnlyList<Unit>> AllAsync(CancellationToken cancellationToken = default) =>
        await OrderByCode(Units.AsNoTracking()).ToListAsync(cancellationToken);

    /// <summary>The direct sub-units of a unit, in code order.</summary>
    public async Task<IReadOnlyList<Unit>> ChildrenAsync(int id, CancellationToken cancellationToken = default) =>
        await OrderByCode(Units.AsNoTracking().Where(u => u.ParentId == id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<int, Unit>> ByIdsAsync(IEnumerable<int?> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<int, Unit>()
            : await Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
    }

    public async Task<Outcome<Unit>> CreateAsync(UnitInput input, CancellationToken cancellationToken = default)
    {
        var (values, errors) = UnitRules.Check(input);
        var parent = await ResolveParentAsync(input, errors, cancellationToken);
        if (parent is { IsActive: false })
        {
            errors.Add(ParentField(input), OrganizationMessages.ParentInactive);
        }

        if (values is not null && await CodeTakenAsync(values.Code, null, cancellationToken))
        {
            errors.Add("code", OrganizationMessages.CodeTaken);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Unit>(errors);
        }

        var unit = new Unit { Code = values!.Code, NameZh = values.NameZh, NameEn = values.NameEn };
        Apply(unit, values, parent?.Id);
        db.Set<Unit>().Add(unit);
        return await SaveAsync(unit, cancellationToken);
    }

    public async Task<Outcome<Unit>> UpdateAsync(int id, UnitInput input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var unit = await db.Set<Unit>().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Outcome.NotFound<Unit>("The unit");
        }

        if (unit.Version != expectedVersion)
        {
            return Outcome.Stale<Unit>(unit.Version);
        }

        var (values, errors) = UnitRules.Check(input);
        var parent = await ResolveParentAsync(input, errors, cancellationToken);
        if (parent is not null && parent.Id != unit.ParentId)
        {
            // A parent the unit already has stays acceptable; a new one must be live and must not be a descendant.
            if (!parent.IsActive)
            {
                errors.Add(ParentField(input), OrganizationMessages.ParentInactive);
            }
            else if (await WouldCreateCycleAsync(unit.Id, parent.Id, cancellationToken))
            {
                errors.Add(ParentField(input), OrganizationMessages.ParentCycle);
            }
        }

        if (values is not null && await CodeTakenAsync(values.Code, unit.Id, cancellationToken))
        {
            errors.Add("code", OrganizationMessages.CodeTaken);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Unit>(errors);
        }

        Apply(unit, values!, parent?.Id);
        return await SaveVersionedAsync(unit, expectedVersion, cancellationToken);
    }

    /// <summary>Takes a unit out of use; refused while it has active sub-units. Deactivating twice changes nothing.</summary>
    public async Task<Outcome<Unit>> DeactivateAsync(int id, int expectedVersion, string? comment = null, CancellationToken cancellationToken = default)
    {
        var unit = await db.Set<Unit>().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Outcome.NotFound<Unit>("The unit");
        }

        if (unit.Version != expectedVersion)
        {
            return Outcome.Stale<Unit>(unit.Version);
        }

        if (!unit.IsActive)
        {
            return Outcome.Done<Unit>(unit);
        }

        if (await Units.AnyAsync(u => u.ParentId == id && u.IsActive, cancellationToken))
        {
            return Outcome.Conflict<Unit>(OrganizationMessages.HasActiveChildren);
        }

        unit.IsActive = false;
        db.DescribeNextSave("deactivated", comment);
        return await SaveVersionedAsync(unit, expectedVersion, cancellationToken);
    }

    /// <summary>Puts a unit back in use; refused while its parent is deactivated.</summary>
    public async Task<Outcome<Unit>> ReactivateAsync(int id, int expectedVersion, string? comment = null, CancellationToken cancellationToken = default)
    {
        var unit = await db.Set<Unit>().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Outcome.NotFound<Unit>("The unit");
        }

        if (unit.Version != expectedVersion)
        {
            return Outcome.Stale<Unit>(unit.Version);
        }

        if (unit.IsActive)
        {
            return Outcome.Done<Unit>(unit);
        }

        if (unit.ParentId is { } parentId && !await Units.AnyAsync(u => u.Id == parentId && u.IsActive, cancellationToken))
        {
            return Outcome.Conflict<Unit>(OrganizationMessages.ReactivateParentFirst);
        }

        unit.IsActive = true;
        db.DescribeNextSave("reactivated", comment);
        return await SaveVersionedAsync(unit, expectedVersion, cancellationToken);
    }

    /// <summary>Ordinal code order on both databases (PostgreSQL's default collation would sort hyphens differently).</summary>
    internal IQueryable<Unit> OrderByCode(IQueryable<Unit> query) =>
        db.Database.IsNpgsql()
            ? query.OrderBy(u => EF.Functions.Collate(u.Code, "C"))
            : query.OrderBy(u => u.Code);

    private static string ParentField(UnitInput input) => input.ParentId is null && input.ParentCode is not null ? "parentCode" : "parentId";

    private static void Apply(Unit unit, UnitValues values, int? parentId)
    {
        unit.Code = values.Code;
        unit.NameZh = values.NameZh;
        unit.NameEn = values.NameEn;
        unit.Kind = values.Kind;
        unit.Aliases = values.Aliases;
        unit.ParentId = parentId;
    }

    private async Task<Dictionary<int, string>> CodesOfAsync(IEnumerable<int?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await Units.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
    }

    private async Task<Unit?> ResolveParentAsync(UnitInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        Unit? byId = null;
        if (input.ParentId is { } parentId)
        {
            byId = await Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, cancellationToken);
            if (byId is null)
            {
                errors.Add("parentId", OrganizationMessages.ParentMissing);
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(input.ParentCode))
        {
            return byId;
        }

        var code = UnitRules.NormalizeCode(input.ParentCode);
        var byCode = await Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (byCode is null)
        {
            errors.Add("parentCode", OrganizationMessages.ParentMissing);
            return null;
        }

        if (byId is not null && byId.Id != byCode.Id)
        {
            errors.Add("parentCode", OrganizationMessages.ParentConflict);
            return null;
        }

        return byCode;
    }

    private async Task<bool> CodeTakenAsync(string code, int? exceptId, CancellationToken cancellationToken) =>
        await Units.AnyAsync(u => u.Code == code && u.Id != exceptId, cancellationToken);

    private async Task<bool> WouldCreateCycleAsync(int unitId, int parentId, CancellationToken cancellationToken)
    {
        // The whole tree is small (hundreds of units): one query, then the walk up runs in memory.
        var parents = await Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
        return UnitRules.WouldCreateCycle(unitId, parentId, (int id, out int parent) =>
        {
            parent = parents.GetValueOrDefault(id) ?? 0;
            return parents.GetValueOrDefault(id) is not null;
        });
    }

    private async Task<Outcome<Unit>> SaveVersionedAsync(Unit unit, int expectedVersion, CancellationToken cancellationToken)
    {
        if (!db.ChangeTracker.HasChanges())
        {
            return Outcome.Done<Unit>(unit); // nothing to change, nothing to audit
        }

        db.Entry(unit).Property(u => u.Version).OriginalValue = expectedVersion;
        try
        {
            return await SaveAsync(unit, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await Units.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => (int?)u.Version).SingleOrDefaultAsync(cancellationToken);
            return current is { } version ? Outcome.Stale<Unit>(version) : Outcome.NotFound<Unit>("The unit");
        }
    }

    private async Task<Outcome<Unit>> SaveAsync(Unit unit, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done<Unit>(unit);
        }
        catch (DbUpdateException error) when (error is not DbUpdateConcurrencyException)
        {
            // Two people saving the same new code at once: the unique index decides, the loser gets a field error.
            db.ChangeTracker.Clear();
            if (await CodeTakenAsync(unit.Code, unit.Id == 0 ? null : unit.Id, cancellationToken))
            {
                var errors = new ValidationErrors();
                errors.Add("code", OrganizationMessages.CodeTaken);
                return Outcome.Invalid<Unit>(errors);
            }

            throw;
        }
    }
}
