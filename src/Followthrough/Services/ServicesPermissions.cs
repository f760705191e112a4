using Followthrough.Services.Duties;

namespace Followthrough.Services;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button.</summary>
internal static class ServicesPermissions
{
    /// <summary>The service catalogue and the legal clock are public: anyone, signed in or not, may read them.</summary>
    public static bool CanReadCatalogue(CurrentUser user) => true;

    /// <summary>The catalogue is kept by the administrators and the supervision office, which answers for the city's
    /// published list of items and its committed time limits.</summary>
    public static bool CanMaintainCatalogue(CurrentUser user) => user?.Role is Role.Administrator or Role.Supervisor;

    /// <summary>Enterprise and citizen accounts file applications online, and follow their own.</summary>
    public static bool CanApply(CurrentUser user) => user?.Role is Role.Enterprise or Role.Citizen;

    /// <summary>Staff of the item's responsible unit handle its applications: record one at the window, accept, refuse,
    /// ask for a supplement, decide and deliver.</summary>
    public static bool CanHandleApplications(CurrentUser user, int unitId) => user?.Role is Role.UnitStaff && user.UnitId == unitId;

    /// <summary>A unit's queue is read by its staff, and by the supervision office and administrators, who oversee every unit.</summary>
    public static bool CanReadQueue(CurrentUser user, int unitId) =>
        CanHandleApplications(user, unitId) || user?.Role is Role.Supervisor or Role.Administrator;

    /// <summary>An application is seen by its applicant and by those who read its unit's queue; to anyone else it does not exist.</summary>
    public static bool CanSeeApplication(CurrentUser user, int applicantId, int unitId) =>
        (user?.PersonId is { } me && me == applicantId) || CanReadQueue(user!, unitId);

    /// <summary>Window officers and approvers are named per unit by the administrators and the supervision office.</summary>
    public static bool CanKeepDuties(CurrentUser user) => user?.Role is Role.Administrator or Role.Supervisor;

    /// <summary>A window officer (窗口人员) of the item's unit receives, accepts, refuses, asks for a supplement and delivers.</summary>
    public static bool CanTakeWindowStep(CurrentUser user, int unitId, IReadOnlySet<ServiceDuty> duties) =>
        CanHandleApplications(user, unitId) && duties.Contains(ServiceDuty.WindowOfficer);

    /// <summary>Only the unit's approver (审批人, the department leader) decides an application and approves an extension.</summary>
    public static bool CanDecide(CurrentUser user, int unitId, IReadOnlySet<ServiceDuty> duties) =>
        CanHandleApplications(user, unitId) && duties.Contains(ServiceDuty.Approver);

    /// <summary>A review step (审查环节) is completed by staff of the item's unit who hold the duty the step names.</summary>
    public static bool CanCompleteReviewStep(CurrentUser user, int unitId, IReadOnlySet<ServiceDuty> duties, ServiceDuty duty) =>
        CanHandleApplications(user, unitId) && duties.Contains(duty);

    /// <summary>The handling unit (its window officers and approvers) records pauses and asks for an extension.</summary>
    public static bool CanManageClock(CurrentUser user, int unitId, IReadOnlySet<ServiceDuty> duties) =>
        CanHandleApplications(user, unitId) && duties.Count > 0;

    /// <summary>The monthly service figures are read by the government's staff (every role but enterprises and
    /// citizens); what the public sees is what is published.</summary>
    public static bool CanReadFigures(CurrentUser user) => user?.Role is Role.Administrator or Role.Leader or Role.Supervisor or Role.UnitStaff;
}
