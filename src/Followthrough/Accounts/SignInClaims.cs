using System.Globalization;
using System.Security.Claims;
using Followthrough.Organization;

namespace Followthrough.Accounts;

/// <summary>The claims a signed-in person carries, read back by <see cref="CurrentUser.From"/> on every request.</summary>
public static class SignInClaims
{
    public static ClaimsIdentity ToIdentity(Person person, string userName, string authenticationType)
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

        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role);
    }
}
