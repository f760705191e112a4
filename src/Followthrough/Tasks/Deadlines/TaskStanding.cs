using System.Text.Json.Serialization;

namespace Followthrough.Tasks;

/// <summary>Where a task stands against its deadline today, most urgent first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandingKind>))]
public enum StandingKind
{
    /// <summary>A draft, or returned by the unit: the clock has not started.</summary>
    NotAssigned,

    /// <summary>The deadline or a time node has passed.</summary>
    Overdue,

    /// <summary>The deadline or a time node is within the due-soon window.</summary>
    DueSoon,

    /// <summary>On schedule for the deadline, but a progress report is missing.</summary>
    ReportOverdue,

    /// <summary>On schedule.</summary>
    NotYetDue,

    /// <summary>Long-term work without a fixed deadline, on schedule.</summary>
    NoFixedDeadline,

    /// <summary>The unit claims completion; the supervision office has not yet verified it.</summary>
    AwaitingVerification,

    ClosedOnTime,
    ClosedLate,
    Cancelled,
}

/// <summary>
/// The computed standing of a task on a day. <see cref="DueOn"/> is what the standing is measured against: the
/// deadline, or the earlier time node <see cref="DueNode"/>.
/// </summary>
public sealed record TaskStanding(
    StandingKind Kind,
    DateOnly? DueOn,
    string? DueNode,
    int? WorkingDaysLeft,
    int? WorkingDaysLate,
    bool SignForOverdue,
    bool ReportOverdue,
    bool Provisional)
{
    /// <summary>
    /// Computes the standing. Pure: everything it reads is passed in, so the pages, the API, the command line and the
    /// later supervision run agree. "Late" counts working days after the due day up to and including today (or the
    /// completion day); "left" counts working days after today up to and including the due day.
    /// Completion is the day the unit claimed it (the office's verification time is not held against the unit).
    /// </summary>
    internal static TaskStanding Compute(WorkTask task, DateOnly today, IWorkingDayCalendar calendar, TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        var provisional = task.DeadlineProvisional;
        switch (task.State)
        {
            case TaskState.Draft or TaskState.Returned:
                return new(StandingKind.NotAssigned, task.Deadline, null, null, null, false, false, provisional);
            case TaskState.Cancelled:
                return new(StandingKind.Cancelled, task.Deadline, null, null, null, false, false, provisional);
            case TaskState.Closed or TaskState.CompletionClaimed:
                var completed = task.CompletionClaimedOn ?? task.ClosedOn ?? today;
                var late = task.Deadline is { } deadline && completed > deadline ? calendar.Between(deadline, completed) : (int?)null;
                var kind = task.State == TaskState.CompletionClaimed ? StandingKind.AwaitingVerification
                    : late is null ? StandingKind.ClosedOnTime : StandingKind.ClosedLate;
                return new(kind, task.Deadline, null, null, late, false, false, provisional);
        }

        var signForOverdue = task.State == TaskState.Assigned && task.SignForBy is { } signBy && signBy < today;
        var reportOverdue = task.State.IsRunning() && task.NextReportDue is { } reportBy && IsReportOverdue(reportBy, today);
        var (dueOn, node) = NextDue(task);
        if (dueOn is null)
        {
            return new(reportOverdue ? StandingKind.ReportOverdue : StandingKind.NoFixedDeadline, null, null, null, null, signForOverdue, reportOverdue, provisional);
        }

        var due = AgainstDueDay(dueOn.Value, today, calendar, options);
        var standing = due.Kind == StandingKind.NotYetDue && reportOverdue ? StandingKind.ReportOverdue : due.Kind;
        return new(standing, dueOn, node, due.WorkingDaysLeft, due.WorkingDaysLate, signForOverdue, reportOverdue, provisional);
    }

    /// <summary>
    /// Where a running task stands against one due day (its deadline or next time node): <see cref="StandingKind.Overdue"/>,
    /// <see cref="StandingKind.DueSoon"/> or <see cref="StandingKind.NotYetDue"/>. The part of <see cref="Compute"/> that
    /// needs only the day, for callers that hold the stored <see cref="WorkTask.NextDue"/> and not the task (the daily
    /// supervision run reads hundreds of thousands of them). Counts working days once.
    /// </summary>
    public static DueStanding AgainstDueDay(DateOnly due, DateOnly today, IWorkingDayCalendar calendar, TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        if (due < today)
        {
            return new(StandingKind.Overdue, 0, calendar.Between(due, today));
        }

        var left = calendar.Between(today, due);
        return new(left <= options.DueSoonWorkingDays ? StandingKind.DueSoon : StandingKind.NotYetDue, left, null);
    }

    /// <summary>Whether a report owed by <paramref name="reportBy"/> is late today (the stored <see cref="WorkTask.NextReportDue"/>).</summary>
    public static bool IsReportOverdue(DateOnly reportBy, DateOnly today) => reportBy < today;

    /// <summary>The last day a due day can fall on and still be due soon today: today plus the window in working days.</summary>
    public static DateOnly DueSoonUntil(DateOnly today, IWorkingDayCalendar calendar, TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return calendar.Add(today, options.DueSoonWorkingDays);
    }

    private static (DateOnly? DueOn, string? Node) NextDue(WorkTask task)
    {
        var node = task.TimeNodes.Where(n => n.ReachedOn is null).OrderBy(n => n.DueOn).FirstOrDefault();
        return node is not null && (task.Deadline is null || node.DueOn < task.Deadline)
            ? (node.DueOn, node.Title)
            : (task.Deadline, null);
    }
}

/// <summary>Where a running task stands against one due day: <see cref="WorkingDaysLeft"/> is 0 once it has passed,
/// <see cref="WorkingDaysLate"/> is set only then.</summary>
public readonly record struct DueStanding(StandingKind Kind, int WorkingDaysLeft, int? WorkingDaysLate);
