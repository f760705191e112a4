namespace Followthrough.Ratings;

/// <summary>Who may do what with ratings, as plain rules every endpoint and page asks; nothing is decided by hiding a button.</summary>
internal static class RatingsPermissions
{
    /// <summary>The applicant rates their own decided application, online or on a phone.</summary>
    public static bool CanRateOwn(CurrentUser user, int applicantId) =>
        user?.Role is Role.Enterprise or Role.Citizen && user.PersonId == applicantId;

    /// <summary>The supervision office's hotline staff (12345) record a rating the applicant gives on the phone.</summary>
    public static bool CanRecordByHotline(CurrentUser user) => user?.Role is Role.Supervisor;

    /// <summary>Staff of the application's unit open the counter page on the window's tablet, where the applicant presses the grade.</summary>
    public static bool CanOpenCounter(CurrentUser user, int unitId) => user?.Role is Role.UnitStaff && user.UnitId == unitId;

    /// <summary>A rating is seen by its rater, the unit rated, and the supervision office and administrators.</summary>
    public static bool CanSeeRating(CurrentUser user, int raterId, int unitId) =>
        (user?.PersonId is { } me && me == raterId) || CanHandleRectification(user!, unitId) || user?.Role is Role.Supervisor or Role.Administrator;

    /// <summary>The unit rated verifies, rectifies, replies and calls back.</summary>
    public static bool CanHandleRectification(CurrentUser user, int unitId) => user?.Role is Role.UnitStaff && user.UnitId == unitId;

    /// <summary>The rectification queue: a unit's staff read their own; the supervision office and administrators every unit's.</summary>
    public static bool CanReadRectifications(CurrentUser user) => user?.Role is Role.UnitStaff or Role.Supervisor or Role.Administrator;

    /// <summary>A unit's ratings are seen by its own staff, and by the supervision office and administrators.</summary>
    public static bool CanSeeUnitRatings(CurrentUser user, int unitId) =>
        CanHandleRectification(user, unitId) || user?.Role is Role.Supervisor or Role.Administrator;

    /// <summary>The rated unit's staff appeal a rating they hold mistaken or malicious (申诉).</summary>
    public static bool CanAppeal(CurrentUser user, int unitId) => CanHandleRectification(user, unitId);

    /// <summary>The supervision office upholds or rejects appeals.</summary>
    public static bool CanDecideAppeals(CurrentUser user) => user?.Role is Role.Supervisor;

    /// <summary>The ratings figures are read by the government's staff; the public reads what is published.</summary>
    public static bool CanReadFigures(CurrentUser user) => user?.Role is Role.Administrator or Role.Leader or Role.Supervisor or Role.UnitStaff;

    /// <summary>The supervision office and administrators publish a month's figures.</summary>
    public static bool CanPublish(CurrentUser user) => user?.Role is Role.Supervisor or Role.Administrator;
}
