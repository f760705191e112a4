namespace Followthrough.Organization;

/// <summary>
/// A person's sign-in as the people pages and API manage it (the user name, a new sign-in, a password reset). The
/// Accounts module, which keeps sign-ins and builds on the directory, provides it; the directory does not know how.
/// </summary>
public interface IPersonSignIns
{
    /// <summary>The user names of those of the people who can sign in.</summary>
    Task<IReadOnlyDictionary<int, string>> UserNamesAsync(IEnumerable<int> personIds, CancellationToken cancellationToken = default);

    /// <summary>Field by field: is this a user name and password a sign-in may have?</summary>
    ValidationErrors Check(string? userName, string? password);

    /// <summary>The user name as it is stored and compared.</summary>
    string Normalize(string userName);

    /// <summary>Gives the person a sign-in; null when done, otherwise why not.</summary>
    Task<string?> CreateAsync(int personId, string userName, string password, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password (and unlocks the sign-in); null when done, otherwise why not.</summary>
    Task<string?> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the person's standing (name, role, unit, whether active) onto their sign-in, against which every signed-in
    /// request is checked in one read. Called with every change to the person, in the same transaction, so the sign-in
    /// never lags behind the directory; nothing happens when the person has no sign-in.
    /// </summary>
    Task KeepStandingAsync(PersonEntry person, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends every session of the person at once, recorded in the audit trail under <paramref name="action"/>; false
    /// when the person has no sign-in.
    /// </summary>
    Task<bool> EndSessionsAsync(int personId, string action, CancellationToken cancellationToken = default);
}
