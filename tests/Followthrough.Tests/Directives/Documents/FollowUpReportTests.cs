using Followthrough.Directives.Review;
using Followthrough.Tasks;
using Followthrough.Tests.Tasks;

namespace Followthrough.Tests.Directives.Documents;

public sealed class FollowUpReportTests
{
    private static readonly DateOnly Today = new(2021, 9, 1);

    [Fact]
    public void Compute_TasksInEveryStanding_CountsEachOnce()
    {
        var tasks = new List<WorkTask>
        {
            Task(TaskState.Draft, null),
            Task(TaskState.InProgress, new DateOnly(2021, 8, 1)),   // overdue
            Task(TaskState.SignedFor, new DateOnly(2021, 12, 31)),  // on time
            Task(TaskState.Closed, new DateOnly(2021, 8, 31), claimed: new DateOnly(2021, 8, 20)),
            Task(TaskState.Closed, new DateOnly(2021, 6, 30), claimed: new DateOnly(2021, 7, 20)),
            Task(TaskState.CompletionClaimed, new DateOnly(2021, 10, 1), claimed: new DateOnly(2021, 8, 30)),
            Task(TaskState.Cancelled, null),
        };
        var report = FollowUpReport.Compute(9, 2, [.. tasks.Select(Standing)]);
        Assert.Equal(new FollowUpReport(9, 2, 7, 5, 1, 1, 1, 2, 1, 1), report);
    }

    // As TaskLedger.StandingsAsync reports them: the standing from TaskStanding.Compute.
    private static TaskSummary Standing(WorkTask t) => new(
        t.Id, t.Code, t.Title, t.State, t.OriginKind, t.OriginReference, t.LeadUnitId, t.LeadLeaderId, t.Deadline, t.Percent,
        TaskStanding.Compute(t, Today, new TestCalendar(), new TaskOptions()));

    private static WorkTask Task(TaskState state, DateOnly? deadline, DateOnly? claimed = null) => new()
    {
        Code = "T-" + Guid.NewGuid().ToString("N")[..6],
        Title = "t",
        State = state,
        Deadline = deadline,
        NextDue = state.IsRunning() ? deadline : null,
        CompletionClaimedOn = claimed,
        ClosedOn = state == TaskState.Closed ? claimed : null,
    };
}
