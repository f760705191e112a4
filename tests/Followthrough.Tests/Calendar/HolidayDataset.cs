using System.Globalization;
using System.Text.Json;

namespace Followthrough.Tests.Calendar;

/// <summary>
/// The holiday-cn files read independently of the product: the shared copy (../shared/data/holiday-cn beside the
/// worktree) when present, else the copy shipped in src/Followthrough/Calendar/Data. The rule is computed here from
/// scratch so the tests do not trust the code they check.
/// </summary>
internal sealed class HolidayDataset
{
    private static readonly Lazy<HolidayDataset> Loaded = new(() => new HolidayDataset(Folder()));

    private HolidayDataset(string folder)
    {
        FolderPath = folder;
        foreach (var file in Directory.GetFiles(folder, "20??.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var year = document.RootElement.GetProperty("year").GetInt32();
            var days = document.RootElement.GetProperty("days");
            DaysInFile[year] = days.GetArrayLength();
            if (days.GetArrayLength() > 0)
            {
                OfficialYears.Add(year);
            }

            foreach (var day in days.EnumerateArray())
            {
                var date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                Listed[date] = (day.GetProperty("isOffDay").GetBoolean(), day.GetProperty("name").GetString()!);
            }
        }
    }

    public static HolidayDataset Instance => Loaded.Value;

    public string FolderPath { get; }

    public Dictionary<DateOnly, (bool IsOffDay, string Name)> Listed { get; } = [];

    public HashSet<int> OfficialYears { get; } = [];

    /// <summary>How many days each notice file lists (its late-December days of the previous year included).</summary>
    public Dictionary<int, int> DaysInFile { get; } = [];

    /// <summary>The dataset's rule: a listed date's isOffDay wins; otherwise Monday to Friday work.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        Listed.TryGetValue(date, out var listed) ? !listed.IsOffDay : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Followthrough.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Followthrough.slnx) was not found.");
    }

    public static string SharedFolder() => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "holiday-cn"));

    public static string ShippedFolder() => Path.Combine(RepositoryRoot(), "src", "Followthrough", "Calendar", "Data");

    private static string Folder() => Directory.Exists(SharedFolder()) ? SharedFolder() : ShippedFolder();
}
