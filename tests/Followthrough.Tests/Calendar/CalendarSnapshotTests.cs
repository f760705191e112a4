using Followthrough.Calendar;

namespace Followthrough.Tests.Calendar;

public sealed class CalendarSnapshotTests
{
    private static StoredSchedule Stored(string region, int year, params ScheduledDay[] days) =>
        new(region, year, ScheduleSource.Csv, null, DateTime.UtcNow, "test", days);

    [Fact]
    public void ImportedNationalYear_ReplacesTheEmbeddedFileForThatYear()
    {
        var snapshot = CalendarSnapshot.Build([Stored("CN", 2025, new ScheduledDay(new DateOnly(2025, 3, 3), true, "Test"))], 1);
        Assert.True(snapshot.National.IsWorkingDay(new DateOnly(2025, 1, 28)));   // the embedded Spring Festival is gone
        Assert.False(snapshot.National.IsWorkingDay(new DateOnly(2025, 3, 3)));
        Assert.False(snapshot.National.IsWorkingDay(new DateOnly(2024, 10, 1)));  // other years untouched
        var year = snapshot.NationalYears(2027).Single(y => y.Year == 2025);
        Assert.Equal(("csv", 1, true), (year.Source, year.Days, year.Official));
        Assert.False(snapshot.NationalYears(2027).Single(y => y.Year == 2027).Official);
    }

    [Fact]
    public void CityCalendar_LayersTheProvinceThenTheCity()
    {
        var snapshot = CalendarSnapshot.Build(
            [
                Stored("CN-LN", 2025, new ScheduledDay(new DateOnly(2025, 6, 4), true, "Province"), new ScheduledDay(new DateOnly(2025, 6, 5), true, "Province")),
                Stored("CN-LN-DL", 2025, new ScheduledDay(new DateOnly(2025, 6, 5), false, "City works")),
            ],
            1);
        var dalian = snapshot.For("cn-ln-dl");
        Assert.Equal("CN-LN-DL", dalian.Region);
        Assert.Equal(DayKind.RegionalRestDay, dalian.Describe(new DateOnly(2025, 6, 4)).Kind);
        Assert.Equal(DayKind.RegionalWorkday, dalian.Describe(new DateOnly(2025, 6, 5)).Kind);
        var shenyang = snapshot.For("CN-LN-SY");
        Assert.Equal("CN-LN", shenyang.Region);
        Assert.False(shenyang.IsWorkingDay(new DateOnly(2025, 6, 5)));
        Assert.Equal(["CN-LN", "CN-LN-DL"], snapshot.Regions);
    }

    [Fact]
    public void CodesWithoutDaysOfTheirOwn_ShareTables()
    {
        var snapshot = CalendarSnapshot.Build([Stored("CN-LN-DL", 2025, new ScheduledDay(new DateOnly(2025, 6, 4), true, "City"))], 1);
        Assert.Same(snapshot.National, snapshot.For(null));
        Assert.Same(snapshot.National, snapshot.For("CN-GD-SZ"));
        Assert.Same(snapshot.For("CN-LN-DL"), snapshot.For("CN-LN-DL-JP"));
        Assert.Throws<ArgumentException>(() => snapshot.For("Dalian"));
    }
}
