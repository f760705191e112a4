namespace Followthrough.Commitments;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class CommitmentPermissions
{
    /// <summary>Leaders' public commitments are read by any government account, like the tasks that track them.</summary>
    public static bool CanReadCommitments(CurrentUser user) => CurrentUser.IsGovernmentStaff(user);
}
