namespace Followthrough.Tasks;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
public static class TaskPermissions
{
    /// <summary>Tasks are government work: leaders, the office and administrators read all; unit staff their own unit's
    /// (the Tasks module narrows that per task, see TaskRoles).</summary>
    public static bool CanReadTasks(CurrentUser user) => CurrentUser.IsGovernmentStaff(user);

    /// <summary>The supervision office writes, imports, assigns and verifies tasks.</summary>
    public static bool CanManageTasks(CurrentUser user) => user?.Role == Role.Supervisor;
}
