namespace Followthrough.Directives;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class DocumentPermissions
{
    /// <summary>The supervision office and administrators bring in meeting records, speeches and reports and review the
    /// directives drafted from them; turning them into tasks is the office's alone (<c>TaskPermissions.CanManageTasks</c>).</summary>
    public static bool CanUploadDocuments(CurrentUser user) => user?.Role is Role.Administrator or Role.Supervisor;

    /// <summary>Leaders, the office and administrators read every source document.</summary>
    public static bool CanReadAllDocuments(CurrentUser user) => user?.Role is Role.Administrator or Role.Leader or Role.Supervisor;

    /// <summary>Unit staff read a source document only when their unit leads a task made from it that they may see (not
    /// a draft); others nothing.</summary>
    public static bool CanReadDocument(CurrentUser user, IEnumerable<int> taskLeadUnitIds)
    {
        ArgumentNullException.ThrowIfNull(taskLeadUnitIds);
        return CanReadAllDocuments(user)
            || (user?.Role == Role.UnitStaff && user.UnitId is { } unit && taskLeadUnitIds.Contains(unit));
    }
}
