namespace Followthrough.Ratings;

/// <summary>A step of a rectification case: the note (核实 / 整改 / 回访), the reply to the rater (with the rectification),
/// whether the callback reached the rater, and the version of the case seen (optional; a stale one is refused).</summary>
public sealed record RectificationStepInput(string? Note = null, string? Reply = null, bool? Reached = null, int? Version = null);

/// <summary>One line of a unit's ratings and rectification queue.</summary>
public sealed record RectificationRow(
    int RatingId,
    int ApplicationId,
    string ItemCode,
    int UnitId,
    RatingGrade Grade,
    bool RealName,
    DateTime RatedAt,
    RectificationState? State,
    DateOnly? DueOn,
    int? TaskId,
    FixGrade? FixGrade)
{
    /// <summary>Open and past its time limit on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => State is not null and not RectificationState.CalledBack && DueOn < today;
}
