using System.Globalization;
using Followthrough.Tasks;

namespace Followthrough.Directives.Review;

/// <summary>
/// "Implement the spirit of the meeting one by one": how far a document's directives have come. Counted from the
/// tasks made from it with <see cref="TaskStanding.Compute"/>, so the figures agree with the task lists.
/// </summary>
internal sealed record FollowUpReport(
    int Directives,
    int Rejected,
    int Tasks,
    int Assigned,
    int OnTime,
    int Overdue,
    int AwaitingVerification,
    int Closed,
    int ClosedLate,
    int Cancelled)
{
    /// <summary>Counts the standings of the tasks. Assigned: sent to the unit (not a draft, returned or cancelled);
    /// on time: running and not past the deadline or a time node; closed: verified and closed, on time or late.</summary>
    public static FollowUpReport Compute(int directives, int rejected, IReadOnlyList<TaskSummary> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        int assigned = 0, onTime = 0, overdue = 0, awaiting = 0, closed = 0, closedLate = 0, cancelled = 0;
        foreach (var task in tasks)
        {
            var standing = task.Standing;
            if (task.State is not (TaskState.Draft or TaskState.Returned or TaskState.Cancelled))
            {
                assigned++;
            }

            switch (standing.Kind)
            {
                case StandingKind.Overdue:
                    overdue++;
                    break;
                case StandingKind.DueSoon or StandingKind.NotYetDue or StandingKind.NoFixedDeadline or StandingKind.ReportOverdue:
                    onTime++;
                    break;
                case StandingKind.AwaitingVerification:
                    awaiting++;
                    break;
                case StandingKind.ClosedOnTime:
                    closed++;
                    break;
                case StandingKind.ClosedLate:
                    closed++;
                    closedLate++;
                    break;
                case StandingKind.Cancelled:
                    cancelled++;
                    break;
                case StandingKind.NotAssigned:
                    break;
            }
        }

        return new FollowUpReport(directives, rejected, tasks.Count, assigned, onTime, overdue, awaiting, closed, closedLate, cancelled);
    }

    /// <summary>The figures as labelled rows, in the order people read them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<(string Label, int Count)> Rows =>
    [
        ("Directives found", Directives),
        ("Rejected", Rejected),
        ("Became tasks", Tasks),
        ("Assigned", Assigned),
        ("Running on time", OnTime),
        ("Overdue", Overdue),
        ("Awaiting verification", AwaitingVerification),
        ("Closed", Closed),
        ("Closed late", ClosedLate),
        ("Cancelled", Cancelled),
    ];

    public ListTable ToTable(string name, Func<string, string> translate)
    {
        ArgumentNullException.ThrowIfNull(translate);
        return new ListTable(name, [translate("Measure"), translate("Count")],
            [.. Rows.Select(r => (IReadOnlyList<string>)[translate(r.Label), r.Count.ToString(CultureInfo.InvariantCulture)])]);
    }
}
