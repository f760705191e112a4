namespace Followthrough.Organization;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class OrganizationPermissions
{
    /// <summary>Units are the government's own directory: any government account reads it.</summary>
    public static bool CanReadUnits(CurrentUser user) => CurrentUser.IsGovernmentStaff(user);

    public static bool CanManageUnits(CurrentUser user) => user?.Role == Role.Administrator;

    /// <summary>Leaders, supervisors and administrators read everyone; unit staff read their own unit's people.</summary>
    public static bool CanReadPerson(CurrentUser user, Person person)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(person);
        return user.Role switch
        {
            Role.Administrator or Role.Leader or Role.Supervisor => true,
            Role.UnitStaff => user.UnitId is not null && person.UnitId == user.UnitId,
            _ => user.PersonId == person.Id,
        };
    }

    public static bool CanListPeople(CurrentUser user) => CurrentUser.IsGovernmentStaff(user);

    public static bool CanManagePeople(CurrentUser user) => user?.Role == Role.Administrator;

    /// <summary>Whether lists of people are unrestricted; otherwise they hold the reader's own unit's people only.</summary>
    public static bool CanReadAllPeople(CurrentUser user) => user?.Role is Role.Administrator or Role.Leader or Role.Supervisor;

    /// <summary>Giving a person a sign-in, or resetting their password, is the administrator's.</summary>
    public static bool CanManageSignIns(CurrentUser user) => user?.Role == Role.Administrator;
}
