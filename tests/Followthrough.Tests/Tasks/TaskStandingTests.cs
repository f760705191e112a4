using Followthrough.Tasks;

namespace Followthrough.Tests.Tasks;

public sealed class TaskStandingTests
{
    private static readonly TaskOptions Options = new() { DueSoonWorkingDays = 3 };

    private static WorkTask Running(DateOnly? deadline, params TimeNode[] nodes) => new()
    {
        Code = "T-1",
        Title = "A task",
        State = TaskState.InProgress,
        AssignedOn = new DateOnly(2025, 1, 2),
        Deadline = deadline,
        DeadlineKind = deadline is null ? DeadlineKind.None : DeadlineKind.Date,
        TimeNodes = [.. nodes],
    };

    private static TaskStanding On(WorkTask task, string today) =>
        TaskStanding.Compute(task, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), TestCalendar.Instance, Options);

    [Fact]
    public void Overdue_AcrossTheSpringFestival_CountsOnlyWorkingDaysOfDelay()
    {
        var standing = On(Running(new DateOnly(2025, 1, 27)), "2025-02-06");
        Assert.Equal(StandingKind.Overdue, standing.Kind);
        Assert.Equal(2, standing.WorkingDaysLate); // 5 and 6 February; the holiday week does not count
    }

    [Fact]
    public void DueSoon_WhenTheDeadlineIsThreeWorkingDaysAway_EvenIfTenCalendarDays()
    {
        var standing = On(Running(new DateOnly(2025, 2, 7)), "2025-01-27");
        Assert.Equal(StandingKind.DueSoon, standing.Kind);
        Assert.Equal(3, standing.WorkingDaysLeft);

        var earlier = On(Running(new DateOnly(2025, 2, 7)), "2025-01-24");
        Assert.Equal(StandingKind.NotYetDue, earlier.Kind);
        Assert.Equal(5, earlier.WorkingDaysLeft); // Sunday 26 January is a make-up working day
    }

    [Fact]
    public void DueToday_IsDueSoon_WithNoDaysLeft_AndTheNextDayOverdue()
    {
        var task = Running(new DateOnly(2025, 9, 30));
        Assert.Equal((StandingKind.DueSoon, 0), (On(task, "2025-09-30").Kind, On(task, "2025-09-30").WorkingDaysLeft!.Value));
        var holiday = On(task, "2025-10-05");
        Assert.Equal(StandingKind.Overdue, holiday.Kind);
        Assert.Equal(0, holiday.WorkingDaysLate); // overdue, but no working day has been lost yet in the National Day break
        Assert.Equal(1, On(task, "2025-10-09").WorkingDaysLate);
    }

    [Fact]
    public void AnOpenTimeNode_BeforeTheDeadline_IsWhatIsDue()
    {
        var task = Running(new DateOnly(2025, 12, 31), new TimeNode { Title = "Plan approved", DueOn = new DateOnly(2025, 3, 31) });
        var standing = On(task, "2025-04-02");
        Assert.Equal(StandingKind.Overdue, standing.Kind);
        Assert.Equal("Plan approved", standing.DueNode);
        Assert.Equal(new DateOnly(2025, 3, 31), standing.DueOn);

        task.TimeNodes[0].ReachedOn = new DateOnly(2025, 3, 28);
        var reached = On(task, "2025-04-02");
        Assert.Equal(StandingKind.NotYetDue, reached.Kind);
        Assert.Null(reached.DueNode);
    }

    [Fact]
    public void Closed_AfterTheDeadline_IsClosedLate_ByWorkingDaysFromTheClaim()
    {
        var task = Running(new DateOnly(2025, 9, 30));
        task.State = TaskState.Closed;
        task.CompletionClaimedOn = new DateOnly(2025, 10, 10);
        task.ClosedOn = new DateOnly(2025, 10, 20);
        var standing = On(task, "2025-11-01");
        Assert.Equal(StandingKind.ClosedLate, standing.Kind);
        Assert.Equal(2, standing.WorkingDaysLate); // 9 and 10 October; verification time is not the unit's

        task.CompletionClaimedOn = new DateOnly(2025, 9, 29);
        Assert.Equal(StandingKind.ClosedOnTime, On(task, "2025-11-01").Kind);
    }

    [Fact]
    public void ClaimedButNotVerified_IsAwaitingVerification_NotOverdue()
    {
        var task = Running(new DateOnly(2025, 3, 31));
        task.State = TaskState.CompletionClaimed;
        task.CompletionClaimedOn = new DateOnly(2025, 3, 28);
        Assert.Equal(StandingKind.AwaitingVerification, On(task, "2025-05-01").Kind);
    }

    [Fact]
    public void MissingReport_OnSchedule_IsReportOverdue_AndFlaggedEvenWhenOverdue()
    {
        var task = Running(new DateOnly(2025, 12, 31));
        task.NextReportDue = new DateOnly(2025, 2, 28);
        var standing = On(task, "2025-03-05");
        Assert.Equal(StandingKind.ReportOverdue, standing.Kind);
        Assert.True(standing.ReportOverdue);

        task.Deadline = new DateOnly(2025, 3, 3);
        var overdue = On(task, "2025-03-05");
        Assert.Equal(StandingKind.Overdue, overdue.Kind);
        Assert.True(overdue.ReportOverdue);
    }

    [Fact]
    public void LongTermWork_HasNoDeadline_ButStillOwesReports()
    {
        var task = Running(null);
        Assert.Equal(StandingKind.NoFixedDeadline, On(task, "2025-06-01").Kind);
        task.NextReportDue = new DateOnly(2025, 5, 31);
        Assert.Equal(StandingKind.ReportOverdue, On(task, "2025-06-01").Kind);
    }

    [Fact]
    public void AssignedButNotSignedFor_PastTheSignForDay_IsFlagged()
    {
        var task = Running(new DateOnly(2025, 6, 30));
        task.State = TaskState.Assigned;
        task.SignForBy = new DateOnly(2025, 2, 6);
        Assert.False(On(task, "2025-02-06").SignForOverdue);
        Assert.True(On(task, "2025-02-07").SignForOverdue);
    }

    [Theory]
    [InlineData(TaskState.Draft, StandingKind.NotAssigned)]
    [InlineData(TaskState.Returned, StandingKind.NotAssigned)]
    [InlineData(TaskState.Cancelled, StandingKind.Cancelled)]
    public void NotRunning_IsNeverOverdue(TaskState state, StandingKind expected)
    {
        var task = Running(new DateOnly(2025, 1, 10));
        task.State = state;
        Assert.Equal(expected, On(task, "2025-06-01").Kind);
    }

    [Fact]
    public void RefreshDue_KeepsTheHotColumnsNull_UnlessRunning()
    {
        var task = Running(new DateOnly(2025, 6, 30), new TimeNode { Title = "n", DueOn = new DateOnly(2025, 4, 30) });
        task.RefreshDue([], new DateOnly(2025, 3, 1));
        Assert.Equal(new DateOnly(2025, 4, 30), task.NextDue);
        Assert.Equal(new DateOnly(2025, 2, 28), task.NextReportDue); // assigned 2 January: the first report covers January and February

        task.State = TaskState.Closed;
        task.RefreshDue([], new DateOnly(2025, 3, 1));
        Assert.Null(task.NextDue);
        Assert.Null(task.NextReportDue);
    }
}
