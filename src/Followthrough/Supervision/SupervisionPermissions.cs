namespace Followthrough.Supervision;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class SupervisionPermissions
{
    /// <summary>Urging notices (催办) are the supervision office's to send.</summary>
    public static bool CanUrgeTasks(CurrentUser user) => user?.Role == Role.Supervisor;

    /// <summary>The special supervision list is read by the office, leaders and administrators, not by units.</summary>
    public static bool CanReadSpecialList(CurrentUser user) => user?.Role is Role.Administrator or Role.Leader or Role.Supervisor;
}
