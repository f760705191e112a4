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

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public static string NewSecurityStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
