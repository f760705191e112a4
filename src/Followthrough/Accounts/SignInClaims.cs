using System.Globalization;
using System.Security.Claims;
using Followthrough.Organization;

namespace Followthrough.Accounts;

/// <summary>The claims a signed-in person carries, read back by <see cref="CurrentUser.From"/> on every request.</summary>
internal static class SignInClaims
{
    /// <summary>The sign-in's security stamp when the session began; a session cookie without the current one is refused.</summary>
    public const string StampClaim = "followthrough:stamp";

    public static ClaimsIdentity ToIdentity(PersonEntry person, string userName, string authenticationType, string? securityStamp = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, userName),
            new(ClaimTypes.GivenName, person.NameZh),
            new(ClaimTypes.Role, person.Role.ToString()),
        };
        if (person.UnitId is { } unitId)
        {
            claims.Add(new Claim(CurrentUser.UnitClaim, unitId.ToString(CultureInfo.InvariantCulture)));
        }

        if (securityStamp is not null)
        {
            claims.Add(new Claim(StampClaim, securityStamp));
        }

        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role);
    }

    /// <summary>The same person's claims with a new stamp: keeps the session that changed the password signed in.</summary>
    public static ClaimsPrincipal WithStamp(ClaimsPrincipal principal, string securityStamp)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var identity = (ClaimsIdentity)principal.Identity!;
        var claims = principal.Claims.Where(c => c.Type != StampClaim).Append(new Claim(StampClaim, securityStamp));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
