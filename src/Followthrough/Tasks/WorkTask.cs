using Followthrough.Storage;

namespace Followthrough.Tasks;

/// <summary>
/// One piece of work followed through to a verified result (督办事项): what is to be done, who leads it, who helps,
/// by when, and where it stands. Named WorkTask so it never competes with <see cref="System.Threading.Tasks.Task"/>.
/// The columns the hot lists filter on (state, lead unit, <see cref="NextDue"/>, <see cref="NextReportDue"/>) are
/// stored, not computed at query time, so a unit's inbox and the overdue board stay index lookups at a million tasks.
/// </summary>
internal sealed class WorkTask : IVersioned, ITimestamped
{
    public int Id { get; set; }

    /// <summary>The number people quote on the phone, e.g. DL-2021-0001; unique.</summary>
    public required string Code { get; set; }

    /// <summary>Set for a sub-task split off for a co-operating unit; the parent's lead unit follows it.</summary>
    public int? ParentId { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = string.Empty;

    public OriginKind OriginKind { get; set; } = OriginKind.Manual;

    /// <summary>The id of the source record in its module (a plan item, a directive), when there is one. No foreign key:
    /// the source belongs to another module and the task must outlive changes there.</summary>
    public int? OriginId { get; set; }

    /// <summary>How people cite the source, e.g. a plan item code or "市委常委会 2021-04-21 第3项".</summary>
    public string? OriginReference { get; set; }

    /// <summary>The leader who answers for the task (牵头领导): a person with the Leader role.</summary>
    public int? LeadLeaderId { get; set; }

    public int LeadUnitId { get; set; }

    /// <summary>The person in the lead unit who answers for the day-to-day work.</summary>
    public int? ResponsiblePersonId { get; set; }

    public SupervisionLevel SupervisionLevel { get; set; } = SupervisionLevel.Routine;

    public DateOnly? StartDate { get; set; }

    public DeadlineKind DeadlineKind { get; set; } = DeadlineKind.Date;

    /// <summary>For <see cref="DeadlineKind.WorkingDays"/>: how many working days after assignment.</summary>
    public int? DeadlineWorkingDays { get; set; }

    /// <summary>The deadline as a date: given, or computed with the working-day calendar at assignment.</summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>The calendar for the deadline's year was not yet official when it was computed.</summary>
    public bool DeadlineProvisional { get; set; }

    /// <summary>While running: the nearer of the deadline and the earliest time node not yet reached. What the overdue
    /// board and the inbox filter on; null when the task is not running.</summary>
    public DateOnly? NextDue { get; set; }

    public ReportingCadence ReportingCadence { get; set; } = ReportingCadence.Monthly;

    /// <summary>While running: the last day by which the next progress report is owed (see <see cref="ReportSchedule"/>).</summary>
    public DateOnly? NextReportDue { get; set; }

    public TaskState State { get; set; } = TaskState.Draft;

    public DateOnly? AssignedOn { get; set; }

    /// <summary>The lead unit must sign for the task (签收) by this day.</summary>
    public DateOnly? SignForBy { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? CompletionClaimedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The percent of the latest accepted progress report.</summary>
    public int Percent { get; set; }

    public DateOnly? LastReportOn { get; set; }

    /// <summary>The supervisor sent back a completion claim or returned a report: the unit owes rework.</summary>
    public bool NeedsRework { get; set; }

    public bool ExtensionPending { get; set; }

    public int? CreatedById { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<TaskPartner> Partners { get; set; } = [];

    public List<TimeNode> TimeNodes { get; set; } = [];

    public List<TaskTag> Tags { get; set; } = [];

    public bool IsSubTask => ParentId is not null;

    /// <summary>Open work: assigned and not yet closed or cancelled. Only open work can be due, overdue or reported on.</summary>
    public bool IsOpen => State.IsOpen();

    /// <summary>
    /// Recomputes the stored due columns after any change: <see cref="NextDue"/> from the deadline and the time nodes
    /// not yet reached, <see cref="NextReportDue"/> from the given report dates; both null unless the task is running,
    /// so that "overdue" is a plain range lookup on an index.
    /// </summary>
    public void RefreshDue(IEnumerable<DateOnly> acceptedReportDates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(acceptedReportDates);
        if (!State.IsRunning())
        {
            NextDue = null;
            NextReportDue = null;
            return;
        }

        var node = TimeNodes.Where(n => n.ReachedOn is null).Select(n => (DateOnly?)n.DueOn).Min();
        NextDue = (node, Deadline) switch
        {
            (null, var d) => d,
            (var n, null) => n,
            (var n, var d) => n < d ? n : d,
        };
        NextReportDue = AssignedOn is { } assigned
            ? ReportSchedule.NextDue(ReportSchedule.Periods(
                ReportingCadence, assigned, acceptedReportDates, today, TimeNodes.Select(n => n.DueOn), Deadline))
            : null;
    }
}
