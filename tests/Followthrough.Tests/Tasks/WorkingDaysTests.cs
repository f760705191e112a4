using Followthrough.Tasks;

namespace Followthrough.Tests.Tasks;

public sealed class WorkingDaysTests
{
    private static readonly TestCalendar Calendar = TestCalendar.Instance;

    [Theory]
    // Friday before the Spring Festival: Sat off, Sun 26 Jan worked (1), Mon 27 (2), 28 Jan–4 Feb off, 5 (3), 6 (4), 7 Feb (5).
    [InlineData("2025-01-24", 5, "2025-02-07")]
    [InlineData("2025-01-24", 1, "2025-01-26")]
    [InlineData("2025-01-24", 2, "2025-01-27")]
    [InlineData("2025-01-27", 1, "2025-02-05")]
    // Saturday 8 February is a make-up working day.
    [InlineData("2025-02-07", 1, "2025-02-08")]
    [InlineData("2025-02-07", 2, "2025-02-10")]
    // National Day: Sun 28 Sep worked, 1–8 Oct off, Sat 11 Oct worked.
    [InlineData("2025-09-26", 1, "2025-09-28")]
    [InlineData("2025-09-26", 3, "2025-09-30")]
    [InlineData("2025-09-26", 4, "2025-10-09")]
    [InlineData("2025-09-26", 6, "2025-10-11")]
    [InlineData("2025-09-30", 1, "2025-10-09")]
    // The day of assignment never counts, even when it is itself a working day.
    [InlineData("2025-03-03", 0, "2025-03-03")]
    [InlineData("2025-03-03", 20, "2025-03-31")]
    public void Add_SkipsHolidays_AndCountsMakeUpDays(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Calendar.Add(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Theory]
    [InlineData("2025-01-27", "2025-02-06", 2)]
    [InlineData("2025-01-24", "2025-02-07", 5)]
    [InlineData("2025-09-30", "2025-10-10", 2)]
    [InlineData("2025-09-27", "2025-10-11", 6)] // 28, 29, 30 September, 9, 10 and Saturday 11 October
    [InlineData("2025-02-07", "2025-02-07", 0)]
    [InlineData("2025-02-07", "2025-02-01", 0)]
    public void Between_CountsWorkingDaysAfterTheFirstUpToTheLast(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.Between(
            DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Add_BackToBetween_RoundTrips()
    {
        var start = new DateOnly(2025, 1, 1);
        for (var n = 0; n < 300; n += 7)
        {
            Assert.Equal(n, Calendar.Between(start, Calendar.Add(start, n)));
        }
    }

    [Fact]
    public void AnyProvisional_IsTrue_WhenTheCountReachesAYearWithoutAnOfficialSchedule()
    {
        Assert.False(Calendar.AnyProvisional(new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31)));
        Assert.True(Calendar.AnyProvisional(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 15)));
    }

    [Fact]
    public void CityClock_UsesChinaTime_NotUtc()
    {
        var lateUtc = new FixedTime(new DateTimeOffset(2025, 1, 27, 17, 0, 0, TimeSpan.Zero)); // 01:00 on 28 January in Dalian
        Assert.Equal(new DateOnly(2025, 1, 28), lateUtc.Today());
    }
}

/// <summary>A clock that stands still at a given moment (and can be moved on).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Noon in Dalian on <paramref name="date"/>.</summary>
    public static FixedTime On(DateOnly date) => new(new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)));
}
