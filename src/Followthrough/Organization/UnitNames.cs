using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization;

/// <summary>A unit as other modules name it: its code and its names in both languages.</summary>
public sealed record UnitName(int Id, string Code, string NameZh, string NameEn);

/// <summary>
/// Names units for other modules (a bulletin's rows, a form's choice of unit), so they need neither the <see cref="Unit"/>
/// entity nor its table.
/// </summary>
public sealed class UnitNames(FollowthroughDb db)
{
    /// <summary>The units with these ids (active or not); ids with no unit are left out.</summary>
    public async Task<IReadOnlyDictionary<int, UnitName>> ByIdsAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<int, UnitName>()
            : await db.Set<Unit>().AsNoTracking().Where(u => wanted.Contains(u.Id))
                .Select(u => new UnitName(u.Id, u.Code, u.NameZh, u.NameEn)).ToDictionaryAsync(u => u.Id, cancellationToken);
    }

    /// <summary>The active units, by code.</summary>
    public async Task<IReadOnlyList<UnitName>> ActiveAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Unit>().AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Code)
            .Select(u => new UnitName(u.Id, u.Code, u.NameZh, u.NameEn)).ToListAsync(cancellationToken);

    /// <summary>True when a unit has this id (active or not).</summary>
    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<Unit>().AnyAsync(u => u.Id == id, cancellationToken);
}
