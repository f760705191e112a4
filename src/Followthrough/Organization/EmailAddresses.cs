using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization;

/// <summary>Where to write to a unit or a person: <see cref="UnitId"/> for a unit's staff, <see cref="PersonId"/> for
/// the person themself (one of the two is set).</summary>
public sealed record EmailAddress(int? UnitId, int? PersonId, string Address);

/// <summary>The e-mail addresses of units and people, for notices sent outside the system. Only active people with an
/// address count; a unit is written to through its staff.</summary>
public sealed class EmailAddresses(FollowthroughDb db)
{
    /// <summary>The addresses of the active staff of <paramref name="unitIds"/> (by unit) and of
    /// <paramref name="personIds"/> (by person), in one read; a person may be found both ways.</summary>
    public async Task<List<EmailAddress>> OfUnitStaffAndPeopleAsync(
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
}
