namespace Followthrough.Needs;

/// <summary>Who may do what with enterprise needs: plain rules every endpoint and page asks.</summary>
internal static class NeedsPermissions
{
    /// <summary>An enterprise account files its own needs online.</summary>
    public static bool CanFileOwn(CurrentUser user) => user?.Role is Role.Enterprise;

    /// <summary>A unit's staff record a need after visiting an enterprise, naming the enterprise's account.</summary>
    public static bool CanRecordVisit(CurrentUser user) => user?.Role is Role.UnitStaff && user.UnitId is not null;

    /// <summary>The supervision office (and the administrators) oversee every need and every unit's queue.</summary>
    public static bool CanOversee(CurrentUser user) => user?.Role is Role.Supervisor or Role.Administrator;

    /// <summary>Leaders read the overview too; they act through the supervision office.</summary>
    public static bool CanReadOverview(CurrentUser user) => CanOversee(user) || user?.Role is Role.Leader;

    /// <summary>A member of a unit's staff.</summary>
    public static bool IsStaffOf(CurrentUser user, int? unitId) => user?.Role is Role.UnitStaff && unitId is not null && user.UnitId == unitId;

    /// <summary>A unit's queue: its own staff, and those who oversee.</summary>
    public static bool CanReadQueue(CurrentUser user, int unitId) => IsStaffOf(user, unitId) || CanReadOverview(user);

    /// <summary>A need is seen by its enterprise, by the staff of the units that received, hold, lead or co-operate on it,
    /// and by those who oversee; to anyone else it does not exist (404).</summary>
    public static bool CanSee(CurrentUser user, int enterprisePersonId, IEnumerable<int?> units) =>
        (user?.PersonId is { } me && me == enterprisePersonId && user.Role is Role.Enterprise)
        || CanReadOverview(user!)
        || units.Any(u => IsStaffOf(user!, u));
}
