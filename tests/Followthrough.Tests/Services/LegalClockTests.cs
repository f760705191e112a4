using Followthrough.Calendar;
using Followthrough.Services;
using Followthrough.Services.Clock;

namespace Followthrough.Tests.Services;

/// <summary>
/// The legal clock on the built-in official schedules (Dalian has no regional days of its own there): the day of
/// acceptance does not count, pauses take their working days off, an extension adds working days.
/// Spring Festival 2025: 28 Jan–4 Feb off, Sun 26 Jan and Sat 8 Feb working. National Day 2025: 1–8 Oct off, Sun 28
/// Sep and Sat 11 Oct working. Spring Festival 2026: 15–23 Feb off, Sat 14 Feb and Sat 28 Feb working. National Day
/// 2026: 1–7 Oct off, Sun 20 Sep and Sat 10 Oct working.
/// </summary>
public sealed class LegalClockTests
{
    private static readonly WorkingCalendar Dalian = CalendarSnapshot.Embedded.For(ServicesOptions.DefaultCalendarRegion);

    public static TheoryData<string, int, string, int, string, int> Cases => new()
    {
        // accepted, days, pauses ("FROM..TO;FROM..TO"), extension, due, paused working days
        { "2025-01-24", 1, "", 0, "2025-01-26", 0 },   // Friday; Saturday rests, Sunday 26 Jan is a make-up working day
        { "2025-01-24", 2, "", 0, "2025-01-27", 0 },
        { "2025-01-24", 7, "", 0, "2025-02-10", 0 },   // 27 Jan, then the festival, then 5, 6, 7, 8 (Saturday) and 10 Feb
        { "2025-01-24", 20, "", 0, "2025-02-27", 0 },
        { "2025-01-24", 20, "", 10, "2025-03-13", 0 },  // Art. 42: 20 + 10
        { "2025-01-25", 1, "", 0, "2025-01-26", 0 },   // accepted on a rest day: the next working day is day 1
        { "2025-01-27", 1, "", 0, "2025-02-05", 0 },   // the eve of the festival: day 1 is after it
        { "2025-02-07", 1, "", 0, "2025-02-08", 0 },   // Saturday 8 Feb is a working day
        { "2025-01-20", 20, "2025-02-05..2025-02-11", 0, "2025-03-03", 6 }, // 5, 6, 7, 8 (Sat), 10, 11 Feb paused
        { "2025-01-20", 20, "2025-02-05..2025-02-11", 10, "2025-03-17", 6 },
        { "2025-09-26", 1, "", 0, "2025-09-28", 0 },   // Sunday 28 Sep is a working day
        { "2025-09-26", 2, "", 0, "2025-09-29", 0 },
        { "2025-09-26", 20, "", 0, "2025-10-30", 0 },   // 28, 29, 30 Sep, 9, 10, 11 (Sat) Oct...
        { "2025-09-26", 20, "", 10, "2025-11-13", 0 },
        { "2025-09-26", 20, "2025-09-28..2025-09-30", 0, "2025-11-04", 3 }, // the pause takes the make-up Sunday too
        { "2025-09-26", 20, "2025-10-09..2025-10-13;2025-10-11..2025-10-15", 0, "2025-11-07", 6 }, // overlapping: joined, each day once
        { "2025-09-26", 20, "2025-10-01..2025-10-08", 0, "2025-10-30", 0 }, // a pause inside the holiday takes no working day
        { "2026-02-13", 1, "", 0, "2026-02-14", 0 },   // Saturday 14 Feb 2026 is a working day
        { "2026-02-13", 2, "", 0, "2026-02-24", 0 },
        { "2026-02-13", 20, "", 0, "2026-03-19", 0 },
        { "2026-02-13", 20, "2026-02-14..2026-02-28", 0, "2026-03-27", 6 }, // both make-up Saturdays and 24–27 Feb paused
        { "2026-02-13", 45, "", 15, "2026-05-19", 0 },  // jointly handled: 45 + 15
        { "2026-02-13", 2, "2026-02-13..2026-02-13", 0, "2026-02-24", 0 }, // a pause on the day of acceptance changes nothing
        { "2026-09-30", 1, "", 0, "2026-10-08", 0 },
        { "2026-09-30", 20, "", 0, "2026-11-03", 0 },
        { "2026-09-18", 1, "", 0, "2026-09-20", 0 },   // Sunday 20 Sep 2026 is a working day
        { "2026-09-18", 20, "2026-09-20..2026-09-20", 10, "2026-11-06", 1 },
        { "2025-01-24", 5, "2025-03-01..2025-03-31", 0, "2025-02-07", 0 }, // a pause after the due date changes nothing
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Due_AcrossHolidaysWithMakeUpDays_PausesAndExtensions(string accepted, int days, string pauses, int extension, string due, int paused)
    {
        var result = LegalClock.Due(Dalian, DateOnly.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture), days, Pauses(pauses), extension);
        Assert.Equal((due, paused), (CalendarInput.Iso(result.Due), result.PausedWorkingDays));
        Assert.Equal(days + extension, result.CountedDays);
        Assert.False(result.Provisional);
        Assert.True(Dalian.IsWorkingDay(result.Due));

        // The definition, walked day by day: the due date is where the last counted working day falls.
        var counted = 0;
        var day = result.Accepted;
        while (counted < days + extension)
        {
            day = day.AddDays(1);
            if (Dalian.IsWorkingDay(day) && !Pauses(pauses).Any(p => p.From <= day && day <= p.To))
            {
                counted++;
            }
        }

        Assert.Equal(day, result.Due);
    }

    [Fact]
    public void Due_IntoAYearWithNoOfficialSchedule_IsProvisional()
    {
        var result = LegalClock.Due(Dalian, new DateOnly(2026, 12, 18), 20);
        Assert.Equal(new DateOnly(2027, 1, 15), result.Due);
        Assert.True(result.Provisional);
    }

    [Theory]
    [InlineData(0, 0, "days")]
    [InlineData(-1, 0, "days")]
    [InlineData(20, -1, "extend")]
    [InlineData(20, LegalClock.MaxExtension + 1, "extend")]
    public void Due_BadLimitOrExtension_IsRefused(int days, int extension, string field)
    {
        var errors = new ValidationErrors();
        LegalClock.Check(new DateOnly(2025, 1, 24), days, [], extension, errors);
        Assert.Equal([field], errors.ToDictionary().Keys);
        Assert.Throws<ArgumentException>(() => LegalClock.Due(Dalian, new DateOnly(2025, 1, 24), days, [], extension));
    }

    [Fact]
    public void Check_PauseEndingBeforeItStarts_OrStartingBeforeAcceptance_IsRefused()
    {
        var errors = new ValidationErrors();
        LegalClock.Check(new DateOnly(2025, 1, 24), 20, [new(new(2025, 2, 10), new(2025, 2, 5)), new(new(2025, 1, 20), new(2025, 2, 5))], 0, errors);
        Assert.Equal(
            ["The pause 2025-02-10..2025-02-05 starts after it ends.", "The pause 2025-01-20..2025-02-05 starts before the acceptance date 2025-01-24."],
            errors.ToDictionary()["pause"]);
    }

    [Theory]
    [InlineData("2025-02-26", "2025-02-27", 1)]
    [InlineData("2025-01-27", "2025-02-10", 5)]  // 5, 6, 7, 8 (Saturday) and 10 Feb: none of the festival
    [InlineData("2025-02-27", "2025-02-27", 0)]  // on the due date itself
    [InlineData("2025-03-03", "2025-02-27", -2)] // overdue: 28 Feb and 3 Mar
    public void WorkingDaysLeft_CountsFromTheDayAfterToday_NegativeWhenOverdue(string today, string due, int left) =>
        Assert.Equal(left, LegalClock.WorkingDaysLeft(Dalian, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2025-02-05..2025-02-11", true)]
    [InlineData("2025-02-05", false)]
    [InlineData("2025-02-05..2025-02-30", false)]
    [InlineData("..", false)]
    public void Pause_ReadsFromDotDotTo(string text, bool valid)
    {
        var errors = new ValidationErrors();
        var pause = DeadlineInput.Pause(text, "pause", errors);
        Assert.Equal(valid, pause is not null);
        Assert.Equal(valid, errors.IsEmpty);
    }

    private static List<ClockPause> Pauses(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => DeadlineInput.Pause(p, "pause", new ValidationErrors())!.Value)];
}
