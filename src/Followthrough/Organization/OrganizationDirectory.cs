using System.Globalization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization;

/// <summary>A unit as other modules see it: code, names in both languages, kind, parent, the aliases documents use, and
/// whether it is active.</summary>
public sealed record UnitEntry(
    int Id, string Code, string NameZh, string NameEn, UnitKind Kind, int? ParentId, IReadOnlyList<string> Aliases, bool IsActive)
{
    /// <summary>The name in the reader's language: Chinese for zh cultures, English otherwise.</summary>
    public string DisplayName(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh" ? NameZh : NameEn;
}

/// <summary>A person as other modules see them: names, post, unit, role and whether they are active.</summary>
public sealed record PersonEntry(int Id, string NameZh, string NameEn, string Title, int? UnitId, Role Role, bool IsActive)
{
    /// <summary>The name in the reader's language (Chinese when there is no English name).</summary>
    public string DisplayName(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn;
}

/// <summary>Where to write to a unit or a person: <see cref="UnitId"/> for a unit's staff, <see cref="PersonId"/> for
/// the person themself (one of the two is set).</summary>
public sealed record EmailAddress(int? UnitId, int? PersonId, string Address);

/// <summary>
/// Who is who, for the other modules: units, people, leaders and their e-mail addresses, as plain records, so that no
/// other module needs the <see cref="Unit"/> or <see cref="Person"/> entities or their tables. Units are a directory of
/// a few hundred rows, so lists are read whole; people only as asked for.
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
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<int, UnitEntry>()
            : (await db.Set<Unit>().AsNoTracking().Where(u => wanted.Contains(u.Id)).ToListAsync(cancellationToken)).ToDictionary(u => u.Id, Entry);
    }

    /// <summary>One unit (active or not), or null.</summary>
    public async Task<UnitEntry?> UnitAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } unit ? Entry(unit) : null;

    /// <summary>Every unit in code order, active or not, as the REST API gives them (with the parent's code).</summary>
    public async Task<IReadOnlyList<UnitDto>> UnitsAsApiAsync(CancellationToken cancellationToken = default)
    {
        var units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        return [.. units.Select(u => UnitDto.From(u, u.ParentId is { } parent ? codes.GetValueOrDefault(parent) : null))];
    }

    /// <summary>The unit with this code (active or not), or null; codes are stored in capitals.</summary>
    public async Task<UnitEntry?> UnitByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var wanted = code.Trim().ToUpperInvariant();
        return await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == wanted, cancellationToken) is { } unit ? Entry(unit) : null;
    }

    /// <summary>True when a unit has this id (active or not).</summary>
    public Task<bool> UnitExistsAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<Unit>().AnyAsync(u => u.Id == id, cancellationToken);

    /// <summary>Those of <paramref name="ids"/> that name an active unit.</summary>
    public async Task<IReadOnlySet<int>> ActiveUnitIdsAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new HashSet<int>()
            : (await db.Set<Unit>().Where(u => wanted.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>The people named, by id (active or not); ids that name nobody are left out.</summary>
    public async Task<IReadOnlyDictionary<int, PersonEntry>> PeopleAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<int, PersonEntry>()
            : (await db.Set<Person>().AsNoTracking().Where(p => wanted.Contains(p.Id)).ToListAsync(cancellationToken)).ToDictionary(p => p.Id, Entry);
    }

    /// <summary>One person (active or not), or null.</summary>
    public async Task<PersonEntry?> PersonAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } person ? Entry(person) : null;

    /// <summary>The active people with <paramref name="role"/>, by Chinese name (the leaders a task can name, say).</summary>
    public async Task<IReadOnlyList<PersonEntry>> ActivePeopleAsync(Role role, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<Person>().AsNoTracking().Where(p => p.Role == role && p.IsActive).OrderBy(p => p.NameZh)
            .ToListAsync(cancellationToken)).Select(Entry)];

    /// <summary>The addresses of the active staff of <paramref name="unitIds"/> (by unit) and of
    /// <paramref name="personIds"/> (by person), in one read; a person may be found both ways. Only active people with an
    /// address count; a unit is written to through its staff.</summary>
    public async Task<List<EmailAddress>> EmailAddressesAsync(
        IEnumerable<int> unitIds, IEnumerable<int> personIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(personIds);
        List<int> units = [.. unitIds];
        List<int> people = [.. personIds];
        var found = await db.Set<Person>().AsNoTracking()
            .Where(p => p.IsActive && p.Email != null && p.Email != ""
                && ((p.UnitId != null && units.Contains(p.UnitId.Value) && p.Role == Role.UnitStaff) || people.Contains(p.Id)))
            .Select(p => new { p.Id, p.UnitId, p.Role, p.Email })
            .ToListAsync(cancellationToken);
        var byUnit = found.Where(p => p.Role == Role.UnitStaff && p.UnitId is not null).Select(p => new EmailAddress(p.UnitId, null, p.Email!));
        var byPerson = found.Where(p => people.Contains(p.Id)).Select(p => new EmailAddress(null, p.Id, p.Email!));
        return [.. byUnit.Concat(byPerson)];
    }

    internal static UnitEntry Entry(Unit unit) =>
        new(unit.Id, unit.Code, unit.NameZh, unit.NameEn, unit.Kind, unit.ParentId, unit.AliasList, unit.IsActive);

    internal static PersonEntry Entry(Person person) =>
        new(person.Id, person.NameZh, person.NameEn, person.Title, person.UnitId, person.Role, person.IsActive);
}
