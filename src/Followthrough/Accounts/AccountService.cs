using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Accounts;

/// <summary>Creating accounts and checking sign-ins, with lock-out after repeated failures.</summary>
public sealed class AccountService(FollowthroughDb db)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static string NormalizeUserName(string userName) => (userName ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Gives a person a sign-in. Returns the problem in words, or null on success.</summary>
    public async Task<string?> CreateAsync(int personId, string userName, string password, CancellationToken cancellationToken = default)
    {
        var name = NormalizeUserName(userName);
        if (name.Length is < 2 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return "A user name has 2 to 64 letters, digits, dots, hyphens or underscores.";
        }

        if (Passwords.Weakness(password) is { } weakness)
        {
            return weakness;
        }

        if (!await db.Set<Person>().AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return "The person does not exist.";
        }

        if (await db.Set<Account>().AnyAsync(a => a.UserName == name || a.PersonId == personId, cancellationToken))
        {
            return "That user name is taken, or the person already has a sign-in.";
        }

        db.Set<Account>().Add(new Account
        {
            PersonId = personId,
            UserName = name,
            PasswordHash = Passwords.Hash(password),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Checks a sign-in. After <see cref="MaxFailedAttempts"/> wrong passwords in a row the account is locked for
    /// <see cref="LockoutDuration"/>, and even the right password is refused until then. Unknown names and wrong
    /// passwords give the same answer, so the form does not reveal which user names exist.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var name = NormalizeUserName(userName);
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null || string.IsNullOrEmpty(password))
        {
            return SignInResult.Invalid;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (account.LockedUntil is { } until && until > now)
        {
            return SignInResult.LockedOut(until);
        }

        var person = await db.Set<Person>().SingleAsync(p => p.Id == account.PersonId, cancellationToken);
        db.Actor.Set(person.Id, account.UserName);
        if (!Passwords.Verify(account.PasswordHash, password, out var rehashed))
        {
            account.FailedAttempts++;
            var locked = account.FailedAttempts >= MaxFailedAttempts;
            if (locked)
            {
                account.FailedAttempts = 0;
                account.LockedUntil = now + LockoutDuration;
            }

            db.DescribeNextSave(locked ? "locked-out" : "sign-in-failed");
            await db.SaveChangesAsync(cancellationToken);
            return locked ? SignInResult.LockedOut(account.LockedUntil!.Value) : SignInResult.Invalid;
        }

        if (!person.IsActive)
        {
            return SignInResult.Invalid;
        }

        account.FailedAttempts = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        if (rehashed is not null)
        {
            account.PasswordHash = rehashed;
        }

        db.DescribeNextSave("signed-in");
        await db.SaveChangesAsync(cancellationToken);
        return SignInResult.Success(person, account.UserName);
    }

    /// <summary>The user names of those of the given people who have a sign-in (person id → user name).</summary>
    public async Task<IReadOnlyDictionary<int, string>> UserNamesAsync(IEnumerable<int> personIds, CancellationToken cancellationToken = default)
    {
        var ids = personIds.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.Set<Account>().AsNoTracking().Where(a => ids.Contains(a.PersonId)).ToDictionaryAsync(a => a.PersonId, a => a.UserName, cancellationToken);
    }

    /// <summary>Sets a new password (an administrator's reset, or the CLI's); unlocks the account.</summary>
    public async Task<string?> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (Passwords.Weakness(password) is { } weakness)
        {
            return weakness;
        }

        var name = NormalizeUserName(userName);
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            return $"There is no account named {name}.";
        }

        account.PasswordHash = Passwords.Hash(password);
        account.FailedAttempts = 0;
        account.LockedUntil = null;
        db.DescribeNextSave("password-set");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
