using System.Globalization;
using Followthrough.Tasks;

namespace Followthrough.Demo;

/// <summary>
/// Decides each generated task's shape from its number and the seed (<see cref="TaskDataGenerator"/>): its state, dates,
/// time nodes, co-operating units and reports. Deterministic, so the same request gives the same data.
/// </summary>
internal sealed class GeneratedTaskShaper(GeneratorRequest request, DateOnly today, int[] units)
{
    private const string Reporter = "Generated";

    // Of every 100 tasks, these many in each state (the benchmark's proportions).
    private static readonly (int Upto, TaskState State)[] States =
    [
        (60, TaskState.Closed), (85, TaskState.InProgress), (90, TaskState.Assigned), (95, TaskState.SignedFor), (98, TaskState.CompletionClaimed), (100, TaskState.Draft),
    ];

    private readonly Random _random = new(request.Seed);
    private readonly long _reports = request.Reports ?? 10L * request.Tasks;
    private readonly long _eligible = Eligible(request.Tasks);
    private long _eligibleSeen;
    private readonly DateTime _now = DateTime.SpecifyKind(today.ToDateTime(new TimeOnly(1, 0)), DateTimeKind.Utc);

    /// <summary>Tasks whose state has reports (in progress, awaiting verification, closed): they share the reports.</summary>
    private static long Eligible(int tasks)
    {
        var perHundred = Enumerable.Range(0, 100).Count(i => HasReports(StateOf(i)));
        return ((long)(tasks / 100) * perHundred) + Enumerable.Range(0, tasks % 100).Count(i => HasReports(StateOf(i)));
    }

    private static bool HasReports(TaskState state) => state is TaskState.InProgress or TaskState.CompletionClaimed or TaskState.Closed;

    private static TaskState StateOf(int i) => States.First(s => i % 100 < s.Upto).State;

    public void Shape(int i, int id, GeneratedBatch batch)
    {
        var state = StateOf(i);
        var reportCount = 0;
        if (HasReports(state))
        {
            reportCount = (int)((_reports / _eligible) + (_eligibleSeen < _reports % _eligible ? 1 : 0));
            _eligibleSeen++;
            if (reportCount == 0)
            {
                state = TaskState.SignedFor; // no report to its name: it cannot be under way yet
            }
        }

        // The unit is drawn at random, not from the task's number: states follow the number, and every unit needs all of them.
        var unit = _random.Next(units.Length);
        var cadence = _random.Next(10) switch { < 7 => ReportingCadence.Monthly, < 9 => ReportingCadence.Quarterly, _ => ReportingCadence.Weekly };
        var task = new WorkTask
        {
            Id = id,
            Code = TaskDataGenerator.TaskPrefix + id.ToString("D8", CultureInfo.InvariantCulture),
            Title = "Generated task " + id.ToString(CultureInfo.InvariantCulture),
            LeadUnitId = units[unit],
            State = state,
            ReportingCadence = cadence,
            SupervisionLevel = _random.Next(5) == 0 ? SupervisionLevel.Key : SupervisionLevel.Routine,
        };

        if (state == TaskState.Draft)
        {
            task.Deadline = today.AddDays(30 + _random.Next(300));
        }
        else
        {
            var assigned = today.AddDays(-(20 + _random.Next(400)));
            task.AssignedOn = assigned;
            task.SignForBy = assigned.AddDays(3);
            task.Deadline = assigned.AddDays(30 + _random.Next(420));
            if (state != TaskState.Assigned)
            {
                task.SignedOn = assigned.AddDays(_random.Next(4));
            }

            if (state is TaskState.Closed or TaskState.CompletionClaimed)
            {
                var first = task.SignedOn!.Value.AddDays(1);
                var latest = Min(today.AddDays(-1), task.Deadline.Value.AddDays(30));
                var claimed = latest <= first ? first : first.AddDays(_random.Next(latest.DayNumber - first.DayNumber + 1));
                task.CompletionClaimedOn = claimed;
                if (state == TaskState.Closed)
                {
                    task.ClosedOn = Min(today, claimed.AddDays(_random.Next(6)));
                }
            }

            // Up to two time nodes between assignment and the deadline; passed ones are mostly reached.
            for (var n = _random.Next(3); n > 0; n--)
            {
                var span = Math.Max(1, task.Deadline.Value.DayNumber - assigned.DayNumber);
                var due = assigned.AddDays(1 + _random.Next(span));
                var reached = state is TaskState.Closed or TaskState.CompletionClaimed || (due < today && _random.Next(5) > 0) ? (DateOnly?)due : null;
                task.TimeNodes.Add(new TimeNode { TaskId = id, Title = "Milestone " + n.ToString(CultureInfo.InvariantCulture), DueOn = due, ReachedOn = reached });
            }
        }

        var reportDates = new List<DateOnly>(reportCount);
        if (reportCount > 0)
        {
            var from = task.SignedOn!.Value.AddDays(1);
            var to = task.CompletionClaimedOn ?? today;
            if (to < from)
            {
                to = from;
            }

            var closing = state is TaskState.Closed or TaskState.CompletionClaimed;
            for (var r = 0; r < reportCount; r++)
            {
                var on = from.AddDays((int)((long)(to.DayNumber - from.DayNumber) * (r + 1) / reportCount));
                var percent = closing ? (r + 1) * 100 / reportCount : Math.Max(1, (r + 1) * 90 / reportCount);
                var claims = closing && r == reportCount - 1;
                reportDates.Add(on);
                batch.Reports.Add([id, on, DateTime.SpecifyKind(on.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc), Reporter, percent,
                    "Report " + (r + 1).ToString(CultureInfo.InvariantCulture) + ": work done as planned", "Continue", claims]);
                task.Percent = percent;
                task.LastReportOn = on;
            }
        }

        task.RefreshDue(reportDates, today);
        batch.Tasks.Add([
            id, task.Code, task.Title, string.Empty, nameof(OriginKind.Manual), task.LeadUnitId, task.SupervisionLevel.ToString(), nameof(DeadlineKind.Date),
            task.Deadline, false, task.NextDue, cadence.ToString(), task.NextReportDue, state.ToString(), task.AssignedOn, task.SignForBy, task.SignedOn,
            task.CompletionClaimedOn, task.ClosedOn, task.Percent, task.LastReportOn, false, false, 1, _now, _now,
        ]);
        foreach (var node in task.TimeNodes)
        {
            batch.Nodes.Add([id, node.Title, node.DueOn, node.ReachedOn]);
        }

        // Up to two co-operating units besides the lead unit.
        var partnerCount = units.Length > 2 ? _random.Next(3) : 0;
        for (var p = 1; p <= partnerCount; p++)
        {
            batch.Partners.Add([id, units[(unit + p) % units.Length], "Co-operating part " + p.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
