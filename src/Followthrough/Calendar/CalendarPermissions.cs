namespace Followthrough.Calendar;

/// <summary>Who may do what in this module, as plain rules that every endpoint and page asks; nothing is decided by
/// hiding a button. Unit staff act only for their own unit; outside accounts see only what concerns them.</summary>
internal static class CalendarPermissions
{
    /// <summary>The working-day calendar is public: anyone, signed in or not, may read it.</summary>
    public static bool CanReadCalendar(CurrentUser user) => true;

    public static bool CanManageCalendar(CurrentUser user) => user?.Role == Role.Administrator;
}
