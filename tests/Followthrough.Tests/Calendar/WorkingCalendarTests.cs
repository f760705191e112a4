using Followthrough.Calendar;

namespace Followthrough.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar National = new(EmbeddedHolidays.Schedules);
    private static readonly HolidayDataset Data = HolidayDataset.Instance;

    [Fact]
    public void IsWorkingDay_EveryDateFrom2007To2026_MatchesTheDatasetRule()
    {
        var mismatches = new List<DateOnly>();
        for (var date = new DateOnly(2007, 1, 1); date <= new DateOnly(2026, 12, 31); date = date.AddDays(1))
        {
            if (National.IsWorkingDay(date) != Data.IsWorkingDay(date))
            {
                mismatches.Add(date);
            }
        }

        Assert.Empty(mismatches);
        Assert.Equal(7305, new DateOnly(2026, 12, 31).DayNumber - new DateOnly(2007, 1, 1).DayNumber + 1);
    }

    [Fact]
    public void Describe_EveryListedDate_HasTheDatasetsKindAndName()
    {
        foreach (var (date, (isOffDay, name)) in Data.Listed)
        {
            var day = National.Describe(date);
            Assert.Equal(isOffDay ? DayKind.Holiday : DayKind.MakeUpWorkday, day.Kind);
            Assert.Equal(name, day.Name);
            Assert.Equal(!isOffDay, day.IsWorkingDay);
        }
    }

    [Fact]
    public void OfficialYears_AreTheFilesWithDays_2027PlaceholderIsNotOfficial()
    {
        Assert.Equal(Data.OfficialYears.Order(), National.OfficialYears.Order());
        Assert.Contains(2026, National.OfficialYears);
        Assert.DoesNotContain(2027, National.OfficialYears);
    }

    [Theory]
    [InlineData("2025-01-26", true, DayKind.MakeUpWorkday, "春节")]   // Sunday, worked before Spring Festival
    [InlineData("2025-02-08", true, DayKind.MakeUpWorkday, "春节")]   // Saturday, worked after it
    [InlineData("2025-01-28", false, DayKind.Holiday, "春节")]
    [InlineData("2025-02-01", false, DayKind.Holiday, "春节")]        // a Saturday inside the holiday
    [InlineData("2025-10-01", false, DayKind.Holiday, "国庆节、中秋节")]
    [InlineData("2025-09-28", true, DayKind.MakeUpWorkday, "国庆节、中秋节")] // Sunday before National Day
    [InlineData("2025-03-03", true, DayKind.Workday, null)]
    [InlineData("2025-03-08", false, DayKind.Weekend, null)]
    public void Describe_KnownDays_GivesKindAndName(string date, bool working, DayKind kind, string? name)
    {
        var day = National.Describe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(working, day.IsWorkingDay);
        Assert.Equal(kind, day.Kind);
        Assert.Equal(name, day.Name);
        Assert.False(day.Provisional);
    }

    [Fact]
    public void AddWorkingDays_AcrossSpringFestival2025_CountsTheMakeUpWeekendDays()
    {
        // Friday 24 January: day 1 is Sunday 26th (make-up), day 2 Monday 27th, then the holiday to 4 February,
        // day 3 Wednesday 5 February ... day 5 Friday 7th, day 6 Saturday 8th (make-up), day 7 Monday 10th.
        var start = new DateOnly(2025, 1, 24);
        Assert.Equal(new DateOnly(2025, 1, 26), National.AddWorkingDays(start, 1).Date);
        Assert.Equal(new DateOnly(2025, 1, 27), National.AddWorkingDays(start, 2).Date);
        Assert.Equal(new DateOnly(2025, 2, 5), National.AddWorkingDays(start, 3).Date);
        Assert.Equal(new DateOnly(2025, 2, 8), National.AddWorkingDays(start, 6).Date);
        Assert.Equal(new DateOnly(2025, 2, 10), National.AddWorkingDays(start, 7).Date);
        Assert.Equal(7, National.WorkingDaysBetween(start, new DateOnly(2025, 2, 10)).WorkingDays);
        Assert.False(National.AddWorkingDays(start, 7).Provisional);
    }

    [Fact]
    public void AddWorkingDays_TwentyDaysFromNationalDayEve2025_SkipsTheGoldenWeek()
    {
        // Licensing decisions: 20 working days. Accepted Tuesday 30 September 2025; 1–8 October are rest days,
        // Saturday 11 October is a make-up working day.
        var accepted = new DateOnly(2025, 9, 30);
        var expected = Reference.AddWorkingDays(Data.IsWorkingDay, Data.OfficialYears, accepted, 20).Date;
        Assert.Equal(expected, National.AddWorkingDays(accepted, 20).Date);
        Assert.Equal(new DateOnly(2025, 11, 4), expected);
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsTheStartEvenOnARestDay()
    {
        var saturday = new DateOnly(2025, 3, 8);
        Assert.Equal(new WorkingDayResult(saturday, false), National.AddWorkingDays(saturday, 0));
        Assert.Equal(0, National.WorkingDaysBetween(saturday, saturday).WorkingDays);
    }

    [Fact]
    public void AddWorkingDays_NegativeCount_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => National.AddWorkingDays(new DateOnly(2025, 1, 1), -1));
        Assert.Equal("workingDays", error.ParamName);
    }

    [Fact]
    public void Dates_OutsideTheCoveredRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => National.IsWorkingDay(new DateOnly(1999, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => National.Describe(new DateOnly(2100, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => National.AddWorkingDays(new DateOnly(2099, 12, 30), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => National.WorkingDaysBetween(new DateOnly(2025, 1, 1), new DateOnly(2100, 1, 1)));
        Assert.True(National.IsWorkingDay(WorkingCalendar.MaxDate)); // 2099-12-31 is a Thursday
        Assert.Equal(WorkingCalendar.MaxDate, National.AddWorkingDays(new DateOnly(2099, 12, 30), 1).Date);
    }

    [Fact]
    public void Provisional_WhenCountingInto2027_WhichHasNoOfficialSchedule()
    {
        var late2026 = National.AddWorkingDays(new DateOnly(2026, 12, 20), 5);
        Assert.False(late2026.Provisional);
        var into2027 = National.AddWorkingDays(new DateOnly(2026, 12, 28), 5);
        Assert.True(into2027.Provisional);
        Assert.Equal(new DateOnly(2027, 1, 4), into2027.Date); // weekends only: 29, 30, 31 Dec, 1 Jan, 4 Jan
        Assert.True(National.Describe(new DateOnly(2027, 1, 1)).Provisional);
        Assert.True(National.IsWorkingDay(new DateOnly(2027, 1, 1))); // no New Year holiday without a schedule
        Assert.True(National.WorkingDaysBetween(new DateOnly(2027, 3, 1), new DateOnly(2026, 12, 1)).Provisional);
        Assert.False(National.WorkingDaysBetween(new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 1)).Provisional);
    }

    [Fact]
    public void AddWorkingDaysAndBetween_RandomSample_MatchTheDayByDayReference()
    {
        // Cover the whole dataset and a year of provisional weekends-only on both sides.
        var first = new DateOnly(2005, 6, 1).DayNumber;
        var last = new DateOnly(2028, 6, 30).DayNumber;
        var random = new Random(20250126);
        var failures = new List<string>();
        for (var i = 0; i < 200_000 && failures.Count < 10; i++)
        {
            var start = DateOnly.FromDayNumber(random.Next(first, last));
            var n = i % 10 == 0 ? random.Next(0, 1500) : random.Next(0, 60);
            var expected = Reference.AddWorkingDays(Data.IsWorkingDay, Data.OfficialYears, start, n);
            var actual = National.AddWorkingDays(start, n);
            if (actual.Date != expected.Date || actual.Provisional != expected.Provisional)
            {
                failures.Add($"AddWorkingDays({start}, {n}) = {actual}, expected {expected}");
            }

            var other = DateOnly.FromDayNumber(Math.Clamp(start.DayNumber + random.Next(-400, 400), first, last));
            var between = Reference.Between(Data.IsWorkingDay, Data.OfficialYears, start, other);
            var counted = National.WorkingDaysBetween(start, other);
            if (counted.WorkingDays != between.WorkingDays || counted.Provisional != between.Provisional)
            {
                failures.Add($"WorkingDaysBetween({start}, {other}) = {counted}, expected {between}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void AddWorkingDays_AndBetween_AreInverse_OnEveryStartOf2024To2026()
    {
        for (var start = new DateOnly(2024, 1, 1); start <= new DateOnly(2026, 12, 31); start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 3, 5, 20, 30 })
            {
                var result = National.AddWorkingDays(start, n).Date;
                Assert.True(National.IsWorkingDay(result));
                Assert.Equal(n, National.WorkingDaysBetween(start, result).WorkingDays);
                Assert.Equal(-n, National.WorkingDaysBetween(result, start).WorkingDays);
                Assert.Equal(n - 1, National.WorkingDaysBetween(start, result.AddDays(-1)).WorkingDays);
            }
        }
    }

    [Fact]
    public void RegionalLayers_OverrideNationalDays_LastLayerWins()
    {
        var cityHoliday = new DateOnly(2025, 3, 12);      // a Wednesday
        var festivalSunday = new DateOnly(2025, 1, 26);   // a national make-up working day
        var provinceRest = new DateOnly(2025, 3, 13);
        var province = new[] { new ScheduledDay(provinceRest, true, "省内休息"), new ScheduledDay(cityHoliday, true, "省定") };
        var city = new[] { new ScheduledDay(cityHoliday, true, "市庆"), new ScheduledDay(festivalSunday, false, "市内调休") };
        var regional = new WorkingCalendar(EmbeddedHolidays.Schedules, [province, city], "CN-LN-DL");

        Assert.Equal("CN-LN-DL", regional.Region);
        Assert.Equal(new DayDescription(cityHoliday, DayKind.RegionalRestDay, "市庆", false), regional.Describe(cityHoliday));
        Assert.Equal(DayKind.RegionalRestDay, regional.Describe(provinceRest).Kind);
        Assert.Equal(DayKind.RegionalWorkday, regional.Describe(festivalSunday).Kind);
        Assert.True(National.IsWorkingDay(cityHoliday));
        Assert.Equal(new DateOnly(2025, 3, 14), regional.AddWorkingDays(new DateOnly(2025, 3, 11), 1).Date);
        Assert.Equal(new DateOnly(2025, 3, 12), National.AddWorkingDays(new DateOnly(2025, 3, 11), 1).Date);
        Assert.Equal(
            National.WorkingDaysBetween(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)).WorkingDays - 2,
            regional.WorkingDaysBetween(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)).WorkingDays);
    }

    [Fact]
    public void Tables_TakeWellUnderOneMegabyte()
    {
        Assert.InRange(National.TableBytes, 1, 512 * 1024);
    }
}
