using Followthrough.Storage;

namespace Followthrough.Accounts;

/// <summary>The sign-in credentials of a person. Passwords are stored only as ASP.NET Core Identity hashes.</summary>
public sealed class Account : IVersioned
{
    public int PersonId { get; set; }

    /// <summary>Lower-case user name, unique.</summary>
    public required string UserName { get; set; }

    public required string PasswordHash { get; set; }

    public int FailedAttempts { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime? LastSignInAt { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }
}
