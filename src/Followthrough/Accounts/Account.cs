using Followthrough.Organization;
using Followthrough.Storage;

namespace Followthrough.Accounts;

/// <summary>The sign-in credentials of a person. Passwords are stored only as ASP.NET Core Identity hashes.</summary>
internal sealed class Account : IVersioned
{
    public int PersonId { get; set; }

    /// <summary>Lower-case user name, unique.</summary>
    public required string UserName { get; set; }

    public required string PasswordHash { get; set; }

    public int FailedAttempts { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime? LastSignInAt { get; set; }

    /// <summary>
    /// Changes whenever every session of the person must end (sign-out, password change, role change, an
    /// administrator's "end all sessions"); a session cookie carrying another stamp is refused.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    /// <summary>The person's Chinese name, as Organization last told (see <see cref="HasStanding"/>).</summary>
    public string? PersonNameZh { get; set; }

    /// <summary>The person's role, as Organization last told.</summary>
    public Role? PersonRole { get; set; }

    /// <summary>The person's unit, as Organization last told.</summary>
    public int? PersonUnitId { get; set; }

    /// <summary>Whether the person is active, as Organization last told.</summary>
    public bool? PersonIsActive { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// True when the sign-in carries its person's standing, so the per-request checks need read nothing else. It is
    /// kept by Organization through <see cref="IPersonSignIns.KeepStandingAsync"/> in the same transaction as every
    /// change to the person; a sign-in from before migration 0019 lacks it until <see cref="AccountStandings"/> fills
    /// it, and the checks then ask <see cref="PersonLookup"/>.
    /// </summary>
    public bool HasStanding => PersonNameZh is not null && PersonRole is not null && PersonIsActive is not null;

    /// <summary>Copies the person's standing onto the sign-in; true when anything changed.</summary>
    public bool KeepStanding(PersonEntry person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (HasStanding && PersonNameZh == person.NameZh && PersonRole == person.Role && PersonUnitId == person.UnitId
            && PersonIsActive == person.IsActive)
        {
            return false;
        }

        (PersonNameZh, PersonRole, PersonUnitId, PersonIsActive) = (person.NameZh, person.Role, person.UnitId, person.IsActive);
        return true;
    }

    public static string NewSecurityStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
