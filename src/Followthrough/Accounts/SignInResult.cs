using Followthrough.Organization;

namespace Followthrough.Accounts;

/// <summary>The outcome of a sign-in attempt.</summary>
internal sealed record SignInResult(bool Succeeded, PersonEntry? Person, string? UserName, DateTime? LockedUntil, string? SecurityStamp = null)
{
    public static readonly SignInResult Invalid = new(false, null, null, null);

    public static SignInResult LockedOut(DateTime until) => new(false, null, null, until);

    public static SignInResult Success(PersonEntry person, string userName, string securityStamp) => new(true, person, userName, null, securityStamp);
}
