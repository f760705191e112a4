using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization;

/// <summary>
/// Adding a person to the directory, under the rules of <see cref="PersonRules"/> and the unit's: for the people pages
/// and API (through <see cref="PersonService"/>) and for another module that enrols someone (a new sign-in's owner).
/// </summary>
public sealed class PersonRegistration(FollowthroughDb db)
{
    /// <summary>Adds a person for another module (the owner of a new sign-in), under the same checks as the
    /// people pages, and answers with the directory's record.</summary>
    public async Task<Outcome<PersonEntry>> RegisterAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        var outcome = await CreateAsync(input, cancellationToken);
        return outcome.IsDone ? Outcome.Done(OrganizationDirectory.Entry(outcome.Value!)) : outcome.As<PersonEntry>();
    }

    internal async Task<Outcome<Person>> CreateAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        var (values, errors) = PersonRules.Check(input);
        var unit = await ResolveUnitAsync(input, errors, cancellationToken);
        if (unit is { IsActive: false })
        {
            errors.Add(PersonService.UnitField(input), OrganizationMessages.UnitInactive);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Person>(errors);
        }

        var person = new Person { NameZh = values!.NameZh };
        Apply(person, values, unit?.Id);
        db.Set<Person>().Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done<Person>(person);
    }

    internal async Task<Unit?> ResolveUnitAsync(PersonInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var units = db.Set<Unit>().AsNoTracking();
        Unit? byId = null;
        if (input.UnitId is { } unitId)
        {
            byId = await units.SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
            if (byId is null)
            {
                errors.Add("unitId", OrganizationMessages.UnitMissing);
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(input.UnitCode))
        {
            return byId;
        }

        var code = UnitRules.NormalizeCode(input.UnitCode);
        var byCode = await units.SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (byCode is null)
        {
            errors.Add("unitCode", OrganizationMessages.UnitMissing);
            return null;
        }

        if (byId is not null && byId.Id != byCode.Id)
        {
            errors.Add("unitCode", OrganizationMessages.UnitConflict);
            return null;
        }

        return byCode;
    }

    internal static void Apply(Person person, PersonValues values, int? unitId)
    {
        person.NameZh = values.NameZh;
        person.NameEn = values.NameEn;
        person.Title = values.Title;
        person.Role = values.Role;
        person.Email = values.Email;
        person.Phone = values.Phone;
        person.UnitId = unitId;
    }
}
