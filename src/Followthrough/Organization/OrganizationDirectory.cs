using System.Globalization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization;

/// <summary>A unit as other modules name it: code, names in both languages, the aliases documents use, and whether it is active.</summary>
public sealed record UnitEntry(int Id, string Code, string NameZh, string NameEn, IReadOnlyList<string> Aliases, bool IsActive)
{
    /// <summary>The name in the reader's language, as <see cref="Unit.DisplayName"/>.</summary>
    public string DisplayName(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh" ? NameZh : NameEn;
}

/// <summary>A person as other modules name them.</summary>
public sealed record PersonEntry(int Id, string NameZh, string NameEn)
{
    /// <summary>The name in the reader's language, as <see cref="Person.DisplayName"/>.</summary>
    public string DisplayName(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn;
}

/// <summary>
/// Who is who, for the other modules: the units (all, the active ones, or those asked for) and people's names.
/// Units are a directory of a few hundred rows, so lists are read whole; people only as asked for.
/// </summary>
public sealed class OrganizationDirectory(FollowthroughDb db)
{
    /// <summary>The units in code order; only the active ones when <paramref name="activeOnly"/>.</summary>
    public async Task<IReadOnlyList<UnitEntry>> UnitsAsync(bool activeOnly, CancellationToken cancellationToken = default)
    {
        var units = db.Set<Unit>().AsNoTracking();
        if (activeOnly)
        {
            units = units.Where(u => u.IsActive);
        }

        return [.. (await units.OrderBy(u => u.Code).ToListAsync(cancellationToken)).Select(Entry)];
    }

    /// <summary>The units named, by id (active or not); ids that name no unit are left out.</summary>
    public async Task<IReadOnlyDictionary<int, UnitEntry>> UnitsAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<int, UnitEntry>()
            : (await db.Set<Unit>().AsNoTracking().Where(u => wanted.Contains(u.Id)).ToListAsync(cancellationToken)).ToDictionary(u => u.Id, Entry);
    }

    /// <summary>The people named, by id; ids that name nobody are left out.</summary>
    public async Task<IReadOnlyDictionary<int, PersonEntry>> PeopleAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<int, PersonEntry>()
            : await db.Set<Person>().AsNoTracking().Where(p => wanted.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => new PersonEntry(p.Id, p.NameZh, p.NameEn), cancellationToken);
    }

    private static UnitEntry Entry(Unit unit) => new(unit.Id, unit.Code, unit.NameZh, unit.NameEn, unit.AliasList, unit.IsActive);
}
