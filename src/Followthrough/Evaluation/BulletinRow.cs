namespace Followthrough.Evaluation;

/// <summary>
/// What a bulletin says about one lead unit for a period. The tasks counted are those the unit leads whose deadline
/// falls in the period and that were assigned (drafts, tasks the unit returned and cancelled tasks are not its work).
/// Each such task is in exactly one of: closed on time, closed late, still overdue, awaiting verification, not yet due.
/// Lateness counts to the day the unit claimed completion, as <c>TaskStanding</c> does.
/// </summary>
public sealed record BulletinFigures(
    int Due,
    int ClosedOnTime,
    int ClosedLate,
    int StillOverdue,
    int AwaitingVerification,
    int NotYetDue,
    int ReportsDue,
    int ReportsOnTime,
    int DelayedTasks,
    long DelayWorkingDays)
{
    /// <summary>Tasks whose outcome is settled against the deadline: closed, or past the deadline and still open.</summary>
    public int Assessed => ClosedOnTime + ClosedLate + StillOverdue;

    /// <summary>Closed on time ÷ settled; null when nothing is settled yet.</summary>
    public double? OnTimeRate => Assessed == 0 ? null : (double)ClosedOnTime / Assessed;

    /// <summary>Reporting periods answered on time ÷ periods that ended; null when no report fell due.</summary>
    public double? ReportPunctuality => ReportsDue == 0 ? null : (double)ReportsOnTime / ReportsDue;

    /// <summary>Average working days of delay over the tasks closed late and those still overdue.</summary>
    public double? AverageDelay => DelayedTasks == 0 ? null : (double)DelayWorkingDays / DelayedTasks;
}

/// <summary>One line of the bulletin: the unit, its figures, its quality score, its ranking score and position.</summary>
public sealed record BulletinRow(
    int UnitId,
    string UnitCode,
    string UnitNameZh,
    string UnitNameEn,
    BulletinFigures Figures,
    int? QualityScore,
    double? Score,
    int? Rank);

/// <summary>A reward (表扬) or accountability (问责) note the supervision office recorded against a unit for a period.</summary>
public sealed record BulletinNote(long Id, int UnitId, string UnitCode, NoteKind Kind, string Text, DateTime RecordedAt, string RecordedBy);

/// <summary>The bulletin (通报) for a period, as of <see cref="AsOf"/>: the ranked task table, the notes, and the sections
/// other modules add (<see cref="IBulletinSection"/>), such as the units' government-service figures.</summary>
public sealed record Bulletin(
    EvaluationPeriod Period, DateOnly AsOf, IReadOnlyList<BulletinRow> Rows, IReadOnlyList<BulletinNote> Notes, IReadOnlyList<BulletinSection> Sections);
