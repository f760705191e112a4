namespace Followthrough.Audit;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class AuditPermissions
{
    public static bool CanReadAudit(CurrentUser user) => user?.Role is Role.Administrator or Role.Supervisor;

    /// <summary>Checking the whole hash chain reads every entry; administrators run it.</summary>
    public static bool CanVerifyAudit(CurrentUser user) => user?.Role == Role.Administrator;
}
