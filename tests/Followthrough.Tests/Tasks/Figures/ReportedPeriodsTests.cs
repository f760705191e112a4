using Followthrough.Tasks;

namespace Followthrough.Tests.Tasks.Figures;

/// <summary>The summary of a task's answered reporting periods, worked out by hand for each cadence.</summary>
public sealed class ReportedPeriodsTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Weekly_AssignedOnAMonday_StartsThatWeek_EarlyReportsAnswerTheFirst()
    {
        // Monday 6 January 2025 starts week 0; 1 January (before assignment) and Sunday 12 January answer it; Monday 20 January is week 2.
        Assert.Equal("101", ReportedPeriods.Summarize(ReportingCadence.Weekly, D(2025, 1, 6), null, [D(2025, 1, 12), D(2025, 1, 1), D(2025, 1, 20)]));

        // Assigned on Tuesday 7 January: the part-week folds into the week from 13 January.
        Assert.Equal("11", ReportedPeriods.Summarize(ReportingCadence.Weekly, D(2025, 1, 7), null, [D(2025, 1, 8), D(2025, 1, 20)]));
    }

    [Fact]
    public void Quarterly_AssignedMidQuarter_StartsTheNext()
    {
        // Assigned 15 February 2025: the first quarter is April–June; a March report answers it, October answers the fourth.
        Assert.Equal("101", ReportedPeriods.Summarize(ReportingCadence.Quarterly, D(2025, 2, 15), null, [D(2025, 3, 20), D(2025, 10, 1)]));
        Assert.Equal("1", ReportedPeriods.Summarize(ReportingCadence.Quarterly, D(2025, 4, 1), null, [D(2025, 6, 30)]));
    }

    [Fact]
    public void TimeNodes_OnePeriod_ClosedByTheDeadline()
    {
        Assert.Equal("1", ReportedPeriods.Summarize(ReportingCadence.OnTimeNodes, D(2025, 1, 6), D(2025, 3, 10), [D(2025, 3, 12), D(2025, 3, 10)]));
        Assert.Equal(string.Empty, ReportedPeriods.Summarize(ReportingCadence.OnTimeNodes, D(2025, 1, 6), D(2025, 3, 10), [D(2025, 3, 11)]));
    }

    [Fact]
    public void NoReports_OrNotAssigned_IsEmpty_AndDecadesOfWeeksAreNotSummarized()
    {
        Assert.Equal(string.Empty, ReportedPeriods.Summarize(ReportingCadence.Monthly, D(2025, 1, 6), null, []));
        Assert.Equal(string.Empty, ReportedPeriods.Summarize(ReportingCadence.Monthly, null, null, [D(2025, 1, 6)]));
        Assert.Null(ReportedPeriods.Summarize(ReportingCadence.Weekly, D(2025, 1, 6), null, [D(2045, 1, 6)]));
    }
}
