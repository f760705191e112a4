using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Accounts;

/// <summary>Creating accounts, checking sign-ins (with lock-out after repeated failures) and changing passwords.</summary>
public sealed class AccountService
{
    internal const int MaxFailedAttempts = 5;
    internal static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>A hash of no one's password: unknown user names are checked against it, so they take as long as real ones.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Passwords.Hash(Passwords.Generate()));

    private readonly FollowthroughDb db;
    private readonly UnknownUserNames unknownNames;
    private readonly OrganizationDirectory organization;
    private readonly PersonRegistration registration;

    /// <summary>Built by the module's registration; callers get it from the container.</summary>
    internal AccountService(FollowthroughDb db, UnknownUserNames unknownNames, OrganizationDirectory organization, PersonRegistration registration)
    {
        this.db = db;
        this.unknownNames = unknownNames;
        this.organization = organization;
        this.registration = registration;
    }

    public static string NormalizeUserName(string? userName) => (userName ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Null when the (normalized) user name is acceptable, otherwise what is wrong with it.</summary>
    internal static string? UserNameProblem(string userName) =>
        userName is { Length: >= 2 and <= 64 } && userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? null
            : "A user name has 2 to 64 letters, digits, dots, hyphens or underscores.";

    /// <summary>Gives a person a sign-in. Returns the problem in words, or null on success.</summary>
    internal async Task<string?> CreateAsync(int personId, string userName, string password, CancellationToken cancellationToken = default)
    {
        var name = NormalizeUserName(userName);
        if (UserNameProblem(name) is { } nameProblem)
        {
            return nameProblem;
        }

        if (Passwords.Weakness(password) is { } weakness)
        {
            return weakness;
        }

        if (await organization.PersonAsync(personId, cancellationToken) is not { } person)
        {
            return "The person does not exist.";
        }

        if (await db.Set<Account>().AnyAsync(a => a.UserName == name || a.PersonId == personId, cancellationToken))
        {
            return "That user name is taken, or the person already has a sign-in.";
        }

        var account = new Account
        {
            PersonId = personId,
            UserName = name,
            PasswordHash = Passwords.Hash(password),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        account.KeepStanding(person);
        db.Set<Account>().Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Creates a person and their sign-in together: either both exist afterwards or neither does (a taken user name
    /// leaves no person behind). Returns the new person's id, or the problem in words.
    /// </summary>
    public async Task<(int? PersonId, string? Problem)> EnrolAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = NormalizeUserName(user.UserName);
        var problem = UserNameProblem(name)
            ?? Passwords.Weakness(user.Password)
            ?? (string.IsNullOrWhiteSpace(user.NameZh) ? "The person's name is required." : null)
            ?? (user.Role == Role.UnitStaff && user.UnitId is null ? "Unit staff must belong to a unit." : null);
        if (problem is not null)
        {
            return (null, problem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var registered = await registration.RegisterAsync(
            new PersonInput(user.NameZh.Trim(), user.NameEn?.Trim() ?? string.Empty, user.Title?.Trim() ?? string.Empty, user.Role.ToString(), user.UnitId),
            cancellationToken);
        if (!registered.IsDone)
        {
            return (null, registered.Errors?.Messages.FirstOrDefault() ?? registered.Reason ?? "The person could not be added.");
        }

        var person = registered.Value!;
        try
        {
            problem = await CreateAsync(person.Id, name, user.Password, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Most likely a sign-in with the same name created at the same moment; anything else is a bug to surface.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await IsTakenAsync(name, cancellationToken))
            {
                return (null, "That user name is taken, or the person already has a sign-in.");
            }

            throw;
        }

        if (problem is not null)
        {
            return (null, problem); // disposing the transaction rolls the person back
        }

        await transaction.CommitAsync(cancellationToken);
        return (person.Id, null);
    }

    /// <summary>
    /// Checks a sign-in. After <see cref="MaxFailedAttempts"/> wrong passwords in a row the account is locked for
    /// <see cref="LockoutDuration"/>, and even the right password is refused until then. Unknown names get the same
    /// answers as real ones (including the lock-out) after the same work, so the form does not reveal which exist.
    /// <para>With a <paramref name="clientAddress"/> (the web form), failures are counted per user name and client
    /// address, and the lock-out holds only for the address that made them: a stranger's five wrong guesses do not
    /// lock the person out from their own machine. The lock is still recorded on the account (and audited), and an
    /// administrator's password reset lifts it everywhere. Without an address (tools) the lock holds for everyone.</para>
    /// </summary>
    internal async Task<SignInResult> SignInAsync(string userName, string password, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var name = NormalizeUserName(userName);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySignInAsync(name, password, clientAddress, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Two attempts on one account at the same moment (a script guessing in parallel): count both.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Checks a sign-in made by a tool, with no client address: a lock-out holds for everyone.</summary>
    internal Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken = default) =>
        SignInAsync(userName, password, null, cancellationToken);

    private async Task<SignInResult> TrySignInAsync(string name, string password, string? clientAddress, CancellationToken cancellationToken)
    {
        var failureKey = clientAddress is null ? name : $"{name} from {clientAddress}";
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrEmpty(password))
        {
            return SignInResult.Invalid;
        }

        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            if (unknownNames.LockedUntil(failureKey, now) is { } lockedUntil)
            {
                return SignInResult.LockedOut(lockedUntil);
            }

            Passwords.Verify(DecoyHash.Value, password, out _);
            return unknownNames.Fail(failureKey, now) is { } until ? SignInResult.LockedOut(until) : SignInResult.Invalid;
        }

        if (account.LockedUntil is { } accountLockedUntil && accountLockedUntil > now
            && (clientAddress is null || unknownNames.LockedUntil(failureKey, now) is not null))
        {
            return SignInResult.LockedOut(accountLockedUntil);
        }

        var person = await organization.PersonAsync(account.PersonId, cancellationToken)
            ?? throw new InvalidOperationException($"The sign-in {account.UserName} has no person.");
        db.Actor.Set(person.Id, account.UserName);
        account.KeepStanding(person); // the directory was just read anyway; whatever this save writes carries it
        if (!Passwords.Verify(account.PasswordHash, password, out var rehashed))
        {
            var until = clientAddress is null
                ? await CountFailureAsync(account, now, "sign-in-failed", cancellationToken)
                : await CountFailureFromAsync(account, failureKey, now, cancellationToken);
            return until is { } lockedUntil ? SignInResult.LockedOut(lockedUntil) : SignInResult.Invalid;
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
        return SignInResult.Success(person, account.UserName, account.SecurityStamp);
    }

    /// <summary>
    /// A signed-in person changes their own password. A wrong current password counts as a failed sign-in, so a
    /// left-open session cannot be used to guess it.
    /// </summary>
    internal async Task<PasswordChange> ChangePasswordAsync(int personId, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        if (Passwords.Weakness(newPassword) is { } weakness)
        {
            return PasswordChange.Rejected(weakness);
        }

        if (newPassword == currentPassword)
        {
            return PasswordChange.Rejected("The new password must differ from the current one.");
        }

        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.PersonId == personId, cancellationToken);
        if (account is null)
        {
            return PasswordChange.WrongCurrentPassword;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return PasswordChange.LockedOut(lockedUntil);
        }

        if (string.IsNullOrEmpty(currentPassword) || !Passwords.Verify(account.PasswordHash, currentPassword, out _))
        {
            return await CountFailureAsync(account, now, "password-change-failed", cancellationToken) is { } until
                ? PasswordChange.LockedOut(until)
                : PasswordChange.WrongCurrentPassword;
        }

        account.PasswordHash = Passwords.Hash(newPassword);
        account.FailedAttempts = 0;
        account.LockedUntil = null;
        account.SecurityStamp = Account.NewSecurityStamp(); // every other session ends; the caller re-issues its own
        db.DescribeNextSave("password-changed");
        await db.SaveChangesAsync(cancellationToken);
        return PasswordChange.Changed(account.SecurityStamp);
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
        account.SecurityStamp = Account.NewSecurityStamp();
        db.DescribeNextSave("password-set");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The person's standing, as Organization tells it after a change to them (<see cref="IPersonSignIns.KeepStandingAsync"/>).</summary>
    internal async Task KeepStandingAsync(PersonEntry person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.PersonId == person.Id, cancellationToken);
        for (var attempt = 1; account is not null && account.KeepStanding(person); attempt++)
        {
            try
            {
                db.DescribeNextSave("standing-kept");
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A sign-in saved the account at the same moment (say a failed attempt counted): read it again and re-apply.
                await db.Entry(account).ReloadAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Ends every session of the person at once by giving the sign-in a new security stamp (recorded in the audit
    /// trail under <paramref name="action"/>). False when the person has no sign-in. API tokens are not touched: they
    /// are revoked one by one.
    /// </summary>
    public async Task<bool> EndSessionsAsync(int personId, string action = "sessions-ended", CancellationToken cancellationToken = default)
    {
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.PersonId == personId, cancellationToken);
        if (account is null)
        {
            return false;
        }

        account.SecurityStamp = Account.NewSecurityStamp();
        db.DescribeNextSave(action);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private Task<bool> IsTakenAsync(string name, CancellationToken cancellationToken) =>
        db.Set<Account>().AsNoTracking().AnyAsync(a => a.UserName == name, cancellationToken);

    /// <summary>
    /// Counts one wrong password from one client address; when it is that address's fifth, the address is locked out
    /// and the lock recorded on the account. Returns the lock-out time then.
    /// </summary>
    private async Task<DateTime?> CountFailureFromAsync(Account account, string failureKey, DateTime now, CancellationToken cancellationToken)
    {
        var until = unknownNames.Fail(failureKey, now);
        account.FailedAttempts = until is null ? account.FailedAttempts + 1 : 0;
        if (until is not null)
        {
            account.LockedUntil = until;
        }

        db.DescribeNextSave(until is null ? "sign-in-failed" : "locked-out");
        await db.SaveChangesAsync(cancellationToken);
        return until;
    }

    /// <summary>Counts one wrong password; returns the lock-out time when this one locks the account.</summary>
    private async Task<DateTime?> CountFailureAsync(Account account, DateTime now, string action, CancellationToken cancellationToken)
    {
        account.FailedAttempts++;
        var locked = account.FailedAttempts >= MaxFailedAttempts;
        if (locked)
        {
            account.FailedAttempts = 0;
            account.LockedUntil = now + LockoutDuration;
        }

        db.DescribeNextSave(locked ? "locked-out" : action);
        await db.SaveChangesAsync(cancellationToken);
        return locked ? account.LockedUntil : null;
    }
}

/// <summary>A person to create together with their sign-in.</summary>
public sealed record NewUser(string UserName, string NameZh, string? NameEn, string? Title, Role Role, int? UnitId, string Password);

/// <summary>One line of the account list.</summary>
public sealed record AccountSummary(
    int PersonId, string UserName, string NameZh, string NameEn, Role Role, string? UnitCode, bool IsActive, DateTime? LockedUntil, DateTime? LastSignInAt);

/// <summary>The outcome of changing one's own password; <see cref="Problem"/> says why a new password was refused.</summary>
internal sealed record PasswordChange(bool Succeeded, bool CurrentPasswordWrong, string? Problem, DateTime? LockedUntil, string? SecurityStamp = null)
{
    /// <summary>Changed; <paramref name="securityStamp"/> is the sign-in's new stamp, for re-issuing the caller's own session.</summary>
    public static PasswordChange Changed(string securityStamp) => new(true, false, null, null, securityStamp);

    public static readonly PasswordChange WrongCurrentPassword = new(false, true, null, null);

    public static PasswordChange Rejected(string problem) => new(false, false, problem, null);

    public static PasswordChange LockedOut(DateTime until) => new(false, false, null, until);
}
