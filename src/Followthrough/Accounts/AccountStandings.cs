using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Accounts;

/// <summary>
/// Fills the person's standing on sign-ins that have none: those that existed before migration 0019, which may not read
/// Organization's table itself, so the standing comes through Organization's directory here, right after migrating
/// (on start and by <c>followthrough migrate</c>). Safe to run again and beside a running product: a sign-in whose
/// person changed meanwhile is left for the next run (its version moved on), and until it is filled the per-request
/// checks ask <see cref="PersonLookup"/>.
/// </summary>
internal sealed class AccountStandings(FollowthroughDb db, OrganizationDirectory organization)
{
    private const int Batch = 500;

    /// <summary>Fills what is missing; returns how many sign-ins were filled.</summary>
    public async Task<int> FillMissingAsync(CancellationToken cancellationToken = default)
    {
        var filled = 0;
        var after = 0;
        while (true)
        {
            var from = after;
            var accounts = await db.Set<Account>()
                .Where(a => a.PersonId > from && (a.PersonNameZh == null || a.PersonRole == null || a.PersonIsActive == null))
                .OrderBy(a => a.PersonId).Take(Batch).ToListAsync(cancellationToken);
            if (accounts.Count == 0)
            {
                return filled;
            }

            after = accounts[^1].PersonId;
            var people = await organization.PeopleAsync(accounts.Select(a => a.PersonId), cancellationToken);
            var changed = accounts.Count(a => people.TryGetValue(a.PersonId, out var person) && a.KeepStanding(person));
            try
            {
                db.DescribeNextSave("standing-filled");
                await db.SaveChangesAsync(cancellationToken);
                filled += changed;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed one of these sign-ins meanwhile (and so gave it its standing); the rest wait for the next run.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
