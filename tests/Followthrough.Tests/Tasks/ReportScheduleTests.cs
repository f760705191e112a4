using System.Globalization;
using Followthrough.Tasks;
using static Followthrough.Tasks.ReportPeriodStatus;

namespace Followthrough.Tests.Tasks;

public sealed class ReportScheduleTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static string Show(IEnumerable<ReportPeriod> periods) =>
        string.Join(" | ", periods.Select(p => $"{p.Start:MM-dd}..{p.End:MM-dd} {p.Status}"));

    [Fact]
    public void Monthly_AssignedMidMonth_FoldsThePartMonthIntoTheFirstWholeOne()
    {
        var periods = ReportSchedule.Periods(ReportingCadence.Monthly, D("2025-01-24"), [], D("2025-03-10"));
        Assert.Equal("01-24..02-28 Missing | 03-01..03-31 Open | 04-01..04-30 Open", Show(periods));
        Assert.Equal(D("2025-02-28"), ReportSchedule.NextDue(periods));
    }

    [Fact]
    public void Monthly_OnTimeLateAndMissing()
    {
        // Jan on time; Feb missed, then two reports in April: April's own and a late one for... the earliest open: February.
        var periods = ReportSchedule.Periods(ReportingCadence.Monthly, D("2025-01-01"),
            [D("2025-01-20"), D("2025-04-03"), D("2025-04-18")], D("2025-05-02"));
        Assert.Equal(
            "01-01..01-31 OnTime | 02-01..02-28 Late | 03-01..03-31 Missing | 04-01..04-30 OnTime | 05-01..05-31 Open | 06-01..06-30 Open",
            Show(periods));
        Assert.Equal(D("2025-04-18"), periods[1].ReportedOn);
        Assert.Single(ReportSchedule.Missing(periods));
        Assert.Equal(D("2025-03-31"), ReportSchedule.NextDue(periods));
    }

    [Fact]
    public void Monthly_ReportOnTheLastDay_IsOnTime_AndTheNextIsOwedByTheNextMonthEnd()
    {
        var periods = ReportSchedule.Periods(ReportingCadence.Monthly, D("2025-03-01"), [D("2025-03-31")], D("2025-04-01"));
        Assert.Equal(OnTime, periods[0].Status);
        Assert.Equal(D("2025-04-30"), ReportSchedule.NextDue(periods));
    }

    [Fact]
    public void Weekly_RunsMondayToSunday()
    {
        var periods = ReportSchedule.Periods(ReportingCadence.Weekly, D("2025-09-24"), [D("2025-10-03")], D("2025-10-14"));
        // Wednesday 24 September: that part-week folds into the week of 29 September.
        Assert.Equal("09-24..10-05 OnTime | 10-06..10-12 Missing | 10-13..10-19 Open | 10-20..10-26 Open", Show(periods));
    }

    [Fact]
    public void Quarterly_EndsAtQuarterEnds()
    {
        var periods = ReportSchedule.Periods(ReportingCadence.Quarterly, D("2025-04-01"), [D("2025-06-30")], D("2025-10-15"));
        Assert.Equal("04-01..06-30 OnTime | 07-01..09-30 Missing | 10-01..12-31 Open | 01-01..03-31 Open", Show(periods));
    }

    [Fact]
    public void OnTimeNodes_OwesAReportAtEachNodeAndTheDeadline()
    {
        var periods = ReportSchedule.Periods(ReportingCadence.OnTimeNodes, D("2025-02-10"), [D("2025-03-30")], D("2025-07-01"),
            [D("2025-03-31"), D("2025-06-30")], D("2025-09-30"));
        Assert.Equal("02-10..03-31 OnTime | 04-01..06-30 Missing | 07-01..09-30 Open", Show(periods));
    }

    [Fact]
    public void OnTimeNodes_WithoutNodesOrDeadline_OwesNothing()
    {
        var periods = ReportSchedule.Periods(ReportingCadence.OnTimeNodes, D("2025-02-10"), [], D("2026-07-01"));
        Assert.Empty(periods);
        Assert.Null(ReportSchedule.NextDue(periods));
    }

    [Fact]
    public void ReportsFiledBeforeAssignment_CountForTheFirstPeriod()
    {
        var periods = ReportSchedule.Periods(ReportingCadence.Monthly, D("2025-05-01"), [D("2025-04-29")], D("2025-06-03"));
        Assert.Equal(OnTime, periods[0].Status);
    }
}
