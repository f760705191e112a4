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
}
