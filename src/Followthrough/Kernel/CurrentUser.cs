using System.Globalization;
using System.Security.Claims;

namespace Followthrough.Kernel;

/// <summary>The signed-in person as the permission rules see them. Anonymous visitors are <see cref="Anonymous"/>.</summary>
public sealed record CurrentUser(int? PersonId, string Name, Role? Role, int? UnitId)
{
    public const string UnitClaim = "followthrough:unit";

    public static readonly CurrentUser Anonymous = new(null, "anonymous", null, null);

    public bool IsSignedIn => PersonId is not null;

    public bool Is(Role role) => Role == role;

    /// <summary>Government accounts: administrators, leaders, the supervision office and unit staff (not enterprises or citizens).</summary>
    public static bool IsGovernmentStaff(CurrentUser user) =>
        user?.Role is Kernel.Role.Administrator or Kernel.Role.Leader or Kernel.Role.Supervisor or Kernel.Role.UnitStaff;

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
}
