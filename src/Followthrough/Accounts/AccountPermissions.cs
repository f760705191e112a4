namespace Followthrough.Accounts;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class AccountPermissions
{
    /// <summary>Administrators list and revoke anyone's API tokens (a leaked token, a person who left).</summary>
    public static bool CanManageAnyonesTokens(CurrentUser user) => user?.Role == Role.Administrator;

    /// <summary>Administrators end all of a person's sessions at once (a lost device, a shared password).</summary>
    public static bool CanEndAnyonesSessions(CurrentUser user) => user?.Role == Role.Administrator;

    /// <summary>Anyone signed in manages their own API tokens.</summary>
    public static bool CanManageOwnTokens(CurrentUser user) => user?.IsSignedIn == true;
}
