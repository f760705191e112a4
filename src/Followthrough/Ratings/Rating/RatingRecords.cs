namespace Followthrough.Ratings;

/// <summary>
/// A rating as given: the grade (one of <see cref="RatingGrade"/>'s names), the reasons' codes from
/// <see cref="RatingReasons"/>, an optional comment (at most 500 characters), the channel (Online by default; Window
/// and Hotline follow from who records it) and whether the rater gives their name (yes by default).
/// </summary>
public sealed record RatingInput(string? Grade, IReadOnlyList<string?>? Reasons = null, string? Comment = null, string? Channel = null, bool? RealName = null);

/// <summary>One rating with its rectification case, if it is a bad one.</summary>
public sealed record RatingEntry(
    int Id,
    int ApplicationId,
    int ItemId,
    string ItemCode,
    int UnitId,
    int? OfficerId,
    int RaterId,
    bool RealName,
    RatingChannel Channel,
    RatingGrade Grade,
    IReadOnlyList<string> Reasons,
    string? Comment,
    CommentReview CommentReview,
    DateTime RatedAt,
    string RatedMonth,
    int? RecordedById,
    int Version,
    RectificationEntry? Rectification)
{
    public bool IsBad => RatingGrades.IsBad(Grade);
}

/// <summary>A bad rating's rectification case: its task, time limit and each step as recorded.</summary>
public sealed record RectificationEntry(
    int RatingId,
    int TaskId,
    int UnitId,
    DateOnly DueOn,
    RectificationState State,
    DateTime? VerifiedAt,
    string? VerifiedNote,
    DateTime? RectifiedAt,
    string? RectificationNote,
    string? ReplyToRater,
    DateTime? RepliedAt,
    DateTime? CalledBackAt,
    bool? CallbackReached,
    string? CallbackNote,
    FixGrade? FixGrade,
    DateTime? FixRatedAt,
    int Version);

/// <summary>What the application a rating page shows is: its item's names and whether and when it was decided.</summary>
public sealed record RatedApplication(int Id, int ApplicantId, int UnitId, string ItemCode, string ItemNameZh, string ItemNameEn, bool IsDecided, DateTime? DecidedAt);
