using Followthrough.Calendar;
using Followthrough.Supervision;
using Followthrough.Tasks;
using Microsoft.Extensions.Options;

namespace Followthrough.Tests.Supervision;

/// <summary>The escalation ladder and reminders, counted with the real calendar across Spring Festival and National Day 2025
/// (holidays 28 Jan–4 Feb with 26 Jan and 8 Feb worked; 1–8 Oct with 28 Sep and 11 Oct worked).</summary>
public sealed class SupervisionRulesTests
{
    private static readonly IWorkingDayCalendar Real =
        new CalendarWorkingDays(CalendarService.FromSnapshot(CalendarSnapshot.Embedded), Options.Create(new TaskOptions()));

    private static readonly TaskOptions TaskDefaults = new();

    [Theory]
    // due Fri 24 Jan 2025; Sun 26 Jan is a make-up working day; the Spring Festival holiday does not count
    [InlineData("2025-01-24", "2025-02-05", 3, "")]
    [InlineData("2025-01-24", "2025-02-06", 4, "")]
    [InlineData("2025-01-24", "2025-02-07", 5, "KeyItem")]
    [InlineData("2025-01-24", "2025-02-13", 10, "KeyItem,SpecialSupervision")]
    [InlineData("2025-01-24", "2025-02-14", 11, "KeyItem,SpecialSupervision")]
    // due Fri 26 Sep 2025; Sun 28 Sep and Sat 11 Oct are worked; 1-8 Oct is the National Day holiday
    [InlineData("2025-09-26", "2025-10-09", 4, "")]
    [InlineData("2025-09-26", "2025-10-10", 5, "KeyItem")]
    [InlineData("2025-09-26", "2025-10-15", 9, "KeyItem")]
    [InlineData("2025-09-26", "2025-10-16", 10, "KeyItem,SpecialSupervision")]
    // an ordinary week: due Monday, ten working days later is the second Monday after
    [InlineData("2025-03-03", "2025-03-17", 10, "KeyItem,SpecialSupervision")]
    public void Overdue_AcrossHolidays_EscalatesByWorkingDaysLate(string due, string today, int late, string steps)
    {
        var planned = SupervisionRules.Plan(7, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), null, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Real, TaskDefaults, new SupervisionOptions());

        var overdue = Assert.Single(planned, p => p.Kind == NoticeKind.Overdue);
        Assert.Equal(late, overdue.WorkingDaysLate);
        Assert.Equal($"task:7:overdue:{due}", overdue.Key);
        Assert.Equal(steps, string.Join(",", planned.Where(p => p.Escalation is not null).Select(p => p.Escalation)));
        Assert.All(planned.Where(p => p.Escalation is not null), p => Assert.StartsWith("task:7:escalate:", p.Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2025-01-24", "2025-02-05", true)]  // 26 Jan, 27 Jan, 5 Feb: three working days away
    [InlineData("2025-01-24", "2025-02-06", false)] // four
    [InlineData("2025-09-26", "2025-09-30", true)]  // 28 (worked Sunday), 29, 30 Sep: three
    [InlineData("2025-09-26", "2025-10-09", false)] // the holiday does not count, but 9 Oct is the fourth
    [InlineData("2025-03-03", "2025-03-03", true)]  // due today
    [InlineData("2025-03-03", "2025-03-07", false)]
    public void DueSoon_WithinWindowOfWorkingDays_Reminds(string today, string due, bool expected)
    {
        var planned = SupervisionRules.Plan(3, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), null, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Real, TaskDefaults, new SupervisionOptions());
        Assert.Equal(expected, planned.Any(p => p.Kind == NoticeKind.DueSoon && p.Key == $"task:3:due-soon:{due}"));
        Assert.DoesNotContain(planned, p => p.Kind == NoticeKind.Overdue);
    }

    [Fact]
    public void Escalation_ConfiguredThresholds_AreUsed()
    {
        var options = new SupervisionOptions { KeyItemAfterWorkingDays = 2, SpecialListAfterWorkingDays = 4 };
        Assert.Equal([EscalationStep.KeyItem], SupervisionRules.Reached(3, options).Select(r => r.Step));
        Assert.Equal([EscalationStep.KeyItem, EscalationStep.SpecialSupervision], SupervisionRules.Reached(4, options).Select(r => r.Step));
        Assert.Empty(SupervisionRules.Reached(1, options));
        var planned = SupervisionRules.Plan(9, new DateOnly(2025, 3, 3), null, new DateOnly(2025, 3, 7), Real, TaskDefaults, options);
        Assert.Contains(planned, p => p.Key == "task:9:escalate:4");
    }

    [Fact]
    public void ReportOverdue_BeforeToday_Urges_AndNotOnTheDay()
    {
        var late = SupervisionRules.Plan(5, null, new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 6), Real, TaskDefaults, new SupervisionOptions());
        var report = Assert.Single(late);
        Assert.Equal(NoticeKind.ReportOverdue, report.Kind);
        Assert.Equal("task:5:report-overdue:2025-01-31", report.Key);
        Assert.Equal(2, report.WorkingDaysLate); // 31 Jan to 4 Feb are holidays: only 5 and 6 Feb count
        Assert.Empty(SupervisionRules.Plan(5, null, new DateOnly(2025, 2, 6), new DateOnly(2025, 2, 6), Real, TaskDefaults, new SupervisionOptions()));
    }
}
