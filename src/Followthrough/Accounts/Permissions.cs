using Followthrough.Organization;
using Followthrough.Plans;

namespace Followthrough.Accounts;

/// <summary>
/// Who may do what, as plain rules. Every endpoint and page asks these; nothing is decided by hiding a button.
/// Unit staff act only for their own unit; outside accounts see only what concerns them.
/// </summary>
public static class Permissions
{
    public static bool IsGovernmentStaff(CurrentUser user) =>
        user?.Role is Role.Administrator or Role.Leader or Role.Supervisor or Role.UnitStaff;

    /// <summary>Units are the government's own directory: any government account reads it.</summary>
    public static bool CanReadUnits(CurrentUser user) => IsGovernmentStaff(user);

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

    public static bool CanListPeople(CurrentUser user) => IsGovernmentStaff(user);

    public static bool CanManagePeople(CurrentUser user) => user?.Role == Role.Administrator;

    /// <summary>Whether lists of people are unrestricted; otherwise they hold the reader's own unit's people only.</summary>
    public static bool CanReadAllPeople(CurrentUser user) => user?.Role is Role.Administrator or Role.Leader or Role.Supervisor;

    /// <summary>Giving a person a sign-in, or resetting their password, is the administrator's.</summary>
    public static bool CanManageSignIns(CurrentUser user) => user?.Role == Role.Administrator;

    /// <summary>The working-day calendar is public: anyone, signed in or not, may read it.</summary>
    public static bool CanReadCalendar(CurrentUser user) => true;

    public static bool CanManageCalendar(CurrentUser user) => user?.Role == Role.Administrator;

    public static bool CanReadAudit(CurrentUser user) => user?.Role is Role.Administrator or Role.Supervisor;

    /// <summary>Checking the whole hash chain reads every entry; administrators run it.</summary>
    public static bool CanVerifyAudit(CurrentUser user) => user?.Role == Role.Administrator;

    /// <summary>Administrators list and revoke anyone's API tokens (a leaked token, a person who left).</summary>
    public static bool CanManageAnyonesTokens(CurrentUser user) => user?.Role == Role.Administrator;

    /// <summary>Tasks are government work: leaders, the office and administrators read all; unit staff their own unit's
    /// (the Tasks module narrows that per task, see TaskRoles).</summary>
    public static bool CanReadTasks(CurrentUser user) => IsGovernmentStaff(user);

    /// <summary>The supervision office writes, imports, assigns and verifies tasks.</summary>
    public static bool CanManageTasks(CurrentUser user) => user?.Role == Role.Supervisor;

    /// <summary>Anyone signed in manages their own API tokens.</summary>
    public static bool CanManageOwnTokens(CurrentUser user) => user?.IsSignedIn == true;

    /// <summary>Plans, their items, indicators and reported values are the government's own: any government account reads them.</summary>
    public static bool CanReadPlans(CurrentUser user) => IsGovernmentStaff(user);

    /// <summary>Administrators and the supervision office draft and change plans, items and indicators, and import them.</summary>
    public static bool CanEditPlans(CurrentUser user) => user?.Role is Role.Administrator or Role.Supervisor;

    /// <summary>
    /// Actual values of an indicator come from the unit that reports it (its staff, for their own unit only) or from the
    /// supervision office; the same rule covers corrections. Nobody else records figures, administrators included.
    /// </summary>
    public static bool CanRecordIndicatorValue(CurrentUser user, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return user?.Role switch
        {
            Role.Supervisor => true,
            Role.UnitStaff => user.UnitId is not null && user.UnitId == indicator.ReportingUnitId,
            _ => false,
        };
    }

    /// <summary>Urging notices (催办) are the supervision office's to send.</summary>
    public static bool CanUrgeTasks(CurrentUser user) => user?.Role == Role.Supervisor;

    /// <summary>The special supervision list is read by the office, leaders and administrators, not by units.</summary>
    public static bool CanReadSpecialList(CurrentUser user) => user?.Role is Role.Administrator or Role.Leader or Role.Supervisor;
    /// <summary>Bulletins are circulated to every unit: any government account reads them, the rankings of others included.</summary>
    public static bool CanReadBulletins(CurrentUser user) => IsGovernmentStaff(user);

    /// <summary>Only the supervision office judges the quality of units' work and records rewards and accountability.</summary>
    public static bool CanEvaluateUnits(CurrentUser user) => user?.Role == Role.Supervisor;

    /// <summary>Leaders' public commitments are read by any government account, like the tasks that track them.</summary>
    public static bool CanReadCommitments(CurrentUser user) => IsGovernmentStaff(user);
    /// <summary>The supervision office and administrators bring in meeting records, speeches and reports, review the
    /// directives drafted from them and turn them into tasks.</summary>
    public static bool CanUploadDocuments(CurrentUser user) => user?.Role is Role.Administrator or Role.Supervisor;

    /// <summary>Leaders, the office and administrators read every source document.</summary>
    public static bool CanReadAllDocuments(CurrentUser user) => user?.Role is Role.Administrator or Role.Leader or Role.Supervisor;

    /// <summary>Unit staff read a source document only when their unit leads a task made from it; others nothing.</summary>
    public static bool CanReadDocument(CurrentUser user, IEnumerable<int> taskLeadUnitIds)
    {
        ArgumentNullException.ThrowIfNull(taskLeadUnitIds);
        return CanReadAllDocuments(user)
            || (user?.Role == Role.UnitStaff && user.UnitId is { } unit && taskLeadUnitIds.Contains(unit));
    }
}
