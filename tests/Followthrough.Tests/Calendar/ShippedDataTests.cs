using Followthrough.Tests.Infrastructure;
using Followthrough.Calendar;

namespace Followthrough.Tests.Calendar;

public sealed class ShippedDataTests
{
    [SharedFolderFact]
    public void ShippedFiles_AreByteForByteTheSharedDataset()
    {
        var shared = HolidayDataset.SharedFolder();
        var names = Directory.GetFiles(shared, "20??.json").Select(Path.GetFileName).Append("LICENSE").ToList();
        Assert.Equal(21, names.Count - 1); // 2007..2027
        foreach (var name in names)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(shared, name!)), File.ReadAllBytes(Path.Combine(HolidayDataset.ShippedFolder(), name!)));
        }
    }

    [Fact]
    public void EmbeddedSchedules_Are2007To2026_TheEmptyPlaceholderIsSkipped()
    {
        Assert.Equal(Enumerable.Range(2007, 20), EmbeddedHolidays.Schedules.Select(s => s.Year));
        Assert.All(EmbeddedHolidays.Schedules, s => Assert.NotEmpty(s.Days));
        Assert.Contains(EmbeddedHolidays.Schedules[0].Days, d => d.Date == new DateOnly(2006, 12, 30)); // the 2007 notice's late December
    }

    [Fact]
    public void LicenceNotice_ShipsBesideTheData()
    {
        var licence = File.ReadAllText(Path.Combine(HolidayDataset.ShippedFolder(), "LICENSE"));
        Assert.Contains("MIT License", licence, StringComparison.Ordinal);
        Assert.Contains("NateScarlet", licence, StringComparison.Ordinal);
        Assert.Contains("LICENSE", File.ReadAllText(Path.Combine(HolidayDataset.ShippedFolder(), "README.md")), StringComparison.Ordinal);
    }
}
