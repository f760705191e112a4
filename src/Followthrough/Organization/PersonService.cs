using Followthrough.Accounts;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization;

/// <summary>
/// Creating, changing and listing people. Lists are narrowed to what the viewer may read: unit staff see their own
/// unit's people only (<see cref="OrganizationPermissions.CanReadAllPeople"/>).
/// </summary>
internal sealed class PersonService(FollowthroughDb db, IPersonSignIns signIns, PersonRegistration registration)
{
    private IQueryable<Person> People => db.Set<Person>();

    public Task<Person?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<Paged<Person>> ListAsync(PersonFilter filter, PageRequest page, CurrentUser viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(viewer);
        var query = People.AsNoTracking();
        if (!OrganizationPermissions.CanReadAllPeople(viewer))
        {
            var own = viewer.UnitId;
            query = query.Where(p => p.UnitId != null && p.UnitId == own);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() here is SQL lower(), which has no culture; StringComparison does not translate
            query = query.Where(p => p.NameZh.ToLower().Contains(q) || p.NameEn.ToLower().Contains(q)
                || p.Title.ToLower().Contains(q) || (p.Email != null && p.Email.ToLower().Contains(q)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(p => p.UnitId == unitId);
        }

        if (filter.Role is { } role)
        {
            query = query.Where(p => p.Role == role);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(p => p.IsActive == active);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Paged<Person>(items, page.Page, page.PageSize, total);
    }

    public Task<Outcome<Person>> CreateAsync(PersonInput input, CancellationToken cancellationToken = default) =>
        registration.CreateAsync(input, cancellationToken);

    public async Task<Outcome<Person>> UpdateAsync(int id, PersonInput input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Outcome.NotFound<Person>("The person");
        }

        if (person.Version != expectedVersion)
        {
            return Outcome.Stale<Person>(person.Version);
        }

        var (values, errors) = PersonRules.Check(input);
        var unit = await registration.ResolveUnitAsync(input, errors, cancellationToken);
        if (unit is { IsActive: false } && unit.Id != person.UnitId)
        {
            errors.Add(UnitField(input), OrganizationMessages.UnitInactive);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Person>(errors);
        }

        var roleOrUnitChanged = person.Role != values!.Role || person.UnitId != unit?.Id;
        PersonRegistration.Apply(person, values, unit?.Id);
        await using var transaction = await OwnTransactionAsync(cancellationToken);
        var outcome = await SaveVersionedAsync(person, expectedVersion, null, cancellationToken);
        if (outcome.IsDone)
        {
            await signIns.KeepStandingAsync(OrganizationDirectory.Entry(person), cancellationToken);
            if (roleOrUnitChanged)
            {
                // Sessions carry the role and unit they began with; a new stamp ends them even if the change is undone.
                await signIns.EndSessionsAsync(id, "role-changed", cancellationToken);
            }
        }

        await CommitAsync(transaction, cancellationToken);
        return outcome;
    }

    /// <summary>A deactivated person can no longer sign in; their records and history stay.</summary>
    public async Task<Outcome<Person>> SetActiveAsync(int id, bool active, int expectedVersion, string? comment = null, CancellationToken cancellationToken = default)
    {
        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Outcome.NotFound<Person>("The person");
        }

        if (person.Version != expectedVersion)
        {
            return Outcome.Stale<Person>(person.Version);
        }

        if (!active && db.Actor.PersonId == id)
        {
            return Outcome.Conflict<Person>(OrganizationMessages.CannotDeactivateSelf);
        }

        if (active && person.UnitId is { } unitId && !await db.Set<Unit>().AnyAsync(u => u.Id == unitId && u.IsActive, cancellationToken))
        {
            return Outcome.Conflict<Person>(OrganizationMessages.UnitInactive);
        }

        person.IsActive = active;
        await using var transaction = await OwnTransactionAsync(cancellationToken);
        var outcome = await SaveVersionedAsync(person, expectedVersion, active ? "reactivated" : "deactivated", cancellationToken, comment);
        if (outcome.IsDone)
        {
            await signIns.KeepStandingAsync(OrganizationDirectory.Entry(person), cancellationToken);
        }

        await CommitAsync(transaction, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// A change to a person and the standing their sign-in keeps commit together (<see cref="IPersonSignIns.KeepStandingAsync"/>),
    /// so the per-request checks never see a deactivated person as active; null when the caller already has a transaction.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    internal static string UnitField(PersonInput input) => input.UnitId is null && input.UnitCode is not null ? "unitCode" : "unitId";

    private async Task<Outcome<Person>> SaveVersionedAsync(Person person, int expectedVersion, string? action, CancellationToken cancellationToken, string? comment = null)
    {
        if (!db.ChangeTracker.HasChanges())
        {
            return Outcome.Done<Person>(person); // nothing to change, nothing to audit
        }

        db.Entry(person).Property(p => p.Version).OriginalValue = expectedVersion;
        if (action is not null)
        {
            db.DescribeNextSave(action, comment);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done<Person>(person);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await People.AsNoTracking().Where(p => p.Id == person.Id).Select(p => (int?)p.Version).SingleOrDefaultAsync(cancellationToken);
            return current is { } version ? Outcome.Stale<Person>(version) : Outcome.NotFound<Person>("The person");
        }
    }
}
