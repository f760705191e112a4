using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Accounts;

/// <summary>Who can sign in: the list of sign-ins with their people, one found by user name, the user names of people.</summary>
public sealed class AccountDirectory(FollowthroughDb db, OrganizationDirectory organization)
{
    /// <summary>Every sign-in with its person, by user name.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await SummariesAsync(await db.Set<Account>().AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The sign-in with this user name (trimmed, any case) and its person, or null when there is none.</summary>
    public async Task<AccountSummary?> FindAsync(string? userName, CancellationToken cancellationToken = default)
    {
        var name = AccountService.NormalizeUserName(userName);
        var account = await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        return account is null ? null : (await SummariesAsync([account], cancellationToken)).SingleOrDefault();
    }

    /// <summary>The user names of those of the given people who have a sign-in (person id → user name).</summary>
    internal async Task<IReadOnlyDictionary<int, string>> UserNamesAsync(IEnumerable<int> personIds, CancellationToken cancellationToken = default)
    {
        var ids = personIds.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.Set<Account>().AsNoTracking().Where(a => ids.Contains(a.PersonId)).ToDictionaryAsync(a => a.PersonId, a => a.UserName, cancellationToken);
    }

    /// <summary>The sign-ins with their people and units, in the given order; a sign-in whose person is gone is left out.</summary>
    private async Task<IReadOnlyList<AccountSummary>> SummariesAsync(IReadOnlyList<Account> accounts, CancellationToken cancellationToken)
    {
        var people = await organization.PeopleAsync(accounts.Select(a => a.PersonId), cancellationToken);
        var units = await organization.UnitsAsync(people.Values.Select(p => p.UnitId).OfType<int>(), cancellationToken);
        return [.. accounts.Where(a => people.ContainsKey(a.PersonId)).Select(a =>
        {
            var p = people[a.PersonId];
            var unitCode = p.UnitId is { } unitId && units.TryGetValue(unitId, out var unit) ? unit.Code : null;
            return new AccountSummary(p.Id, a.UserName, p.NameZh, p.NameEn, p.Role, unitCode, p.IsActive, a.LockedUntil, a.LastSignInAt);
        })];
    }
}
