using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Duties;

/// <summary>
/// Who in each unit is a window officer (窗口人员) and who an approver (审批人) for its applications: read by the
/// applications' checks, kept by administrators and the supervision office (<see cref="ServicesPermissions.CanKeepDuties"/>).
/// </summary>
public sealed class UnitDuties(FollowthroughDb db, OrganizationDirectory directory)
{
    public const string PersonNotStaff = "The person must be an active member of the unit's staff.";
    public const string DutyRequired = "Choose the duty: WindowOfficer, Reviewer or Approver.";
    public const string UnitRequired = "Choose the unit.";
    private const string KeepersOnly = "Only administrators and the supervision office assign window officers and approvers.";

    private IQueryable<ServiceDutyAssignment> Duties => db.Set<ServiceDutyAssignment>();

    /// <summary>The duties <paramref name="user"/> holds in <paramref name="unitId"/>; none unless they are its staff.</summary>
    public async Task<IReadOnlySet<ServiceDuty>> OfAsync(CurrentUser user, int unitId, CancellationToken cancellationToken = default)
    {
        if (user?.PersonId is not { } personId || user.Role is not Role.UnitStaff || user.UnitId != unitId)
        {
            return new HashSet<ServiceDuty>();
        }

        return (await Duties.AsNoTracking().Where(d => d.UnitId == unitId && d.PersonId == personId).Select(d => d.Duty).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>A unit's duties, approvers first, for the keepers' page and API.</summary>
    public async Task<IReadOnlyList<ServiceDutyEntry>> ListAsync(int? unitId, CancellationToken cancellationToken = default)
    {
        var query = Duties.AsNoTracking();
        if (unitId is { } u)
        {
            query = query.Where(d => d.UnitId == u);
        }

        var rows = await query.OrderBy(d => d.UnitId).ThenByDescending(d => d.Duty).ThenBy(d => d.PersonId).Take(1000).ToListAsync(cancellationToken);
        var people = await directory.PeopleAsync(rows.Select(r => r.PersonId).Distinct(), cancellationToken);
        return [.. rows.Select(r => new ServiceDutyEntry(r.Id, r.UnitId, r.PersonId,
            people.TryGetValue(r.PersonId, out var p) ? p.NameZh + (string.IsNullOrWhiteSpace(p.NameEn) ? string.Empty : " " + p.NameEn) : "#" + r.PersonId,
            r.Duty, r.AssignedAt, r.AssignedBy))];
    }

    /// <summary>Gives a member of a unit's staff a duty there; giving one they hold already changes nothing.</summary>
    public async Task<Outcome<ServiceDutyEntry>> AssignAsync(CurrentUser me, DutyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ServicesPermissions.CanKeepDuties(me))
        {
            return Outcome.Forbidden<ServiceDutyEntry>(KeepersOnly);
        }

        var errors = new ValidationErrors();
        if (input.UnitId is null)
        {
            errors.Add("unitId", UnitRequired);
        }

        if (input.Duty is null || !Enum.IsDefined(input.Duty.Value))
        {
            errors.Add("duty", DutyRequired);
        }

        if (input.PersonId is not { } personId
            || await directory.PersonAsync(personId, cancellationToken) is not { IsActive: true, Role: Role.UnitStaff } person
            || person.UnitId != input.UnitId)
        {
            errors.Add("personId", PersonNotStaff);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<ServiceDutyEntry>(errors);
        }

        var existing = await Duties.SingleOrDefaultAsync(d => d.UnitId == input.UnitId && d.PersonId == input.PersonId && d.Duty == input.Duty, cancellationToken);
        if (existing is null)
        {
            existing = new ServiceDutyAssignment
            {
                UnitId = input.UnitId!.Value,
                PersonId = input.PersonId!.Value,
                Duty = input.Duty!.Value,
                AssignedAt = db.Clock.GetUtcNow().UtcDateTime,
                AssignedBy = me.Name,
            };
            db.Set<ServiceDutyAssignment>().Add(existing);
            db.DescribeNextSave("duty-assigned", $"{existing.Duty} unit {existing.UnitId} person {existing.PersonId}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done((await ListAsync(existing.UnitId, cancellationToken)).Single(d => d.Id == existing.Id));
    }

    /// <summary>Takes a duty away.</summary>
    public async Task<Outcome<bool>> RemoveAsync(CurrentUser me, int id, CancellationToken cancellationToken = default)
    {
        if (!ServicesPermissions.CanKeepDuties(me))
        {
            return Outcome.Forbidden<bool>(KeepersOnly);
        }

        var duty = await Duties.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (duty is null)
        {
            return Outcome.NotFound<bool>("The duty");
        }

        db.Set<ServiceDutyAssignment>().Remove(duty);
        db.DescribeNextSave("duty-removed", $"{duty.Duty} unit {duty.UnitId} person {duty.PersonId}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(true);
    }
}
