using System.Globalization;
using System.Security.Claims;
using Followthrough.Organization;

namespace Followthrough.Accounts;

/// <summary>The signed-in person as the permission rules see them. Anonymous visitors are <see cref="Anonymous"/>.</summary>
public sealed record CurrentUser(int? PersonId, string Name, Role? Role, int? UnitId)
{
    public const string UnitClaim = "followthrough:unit";

    public static readonly CurrentUser Anonymous = new(null, "anonymous", null, null);

    public bool IsSignedIn => PersonId is not null;

    public bool Is(Role role) => Role == role;

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        if (id is null || role is null || principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var unit = principal.FindFirstValue(UnitClaim);
        return new CurrentUser(
            int.Parse(id, CultureInfo.InvariantCulture),
            principal.Identity.Name ?? id,
            Enum.Parse<Role>(role),
            unit is null ? null : int.Parse(unit, CultureInfo.InvariantCulture));
    }

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
            claims.Add(new Claim(UnitClaim, unitId.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role);
    }
}
