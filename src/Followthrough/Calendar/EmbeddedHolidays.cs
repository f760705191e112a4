using System.Globalization;

namespace Followthrough.Calendar;

/// <summary>
/// The national schedules shipped with the product: the holiday-cn dataset (MIT licence, see Calendar/Data/LICENSE),
/// one embedded file per notice year. A file without days (a placeholder for a year not yet announced) is skipped,
/// so that year stays provisional. Imported schedules in the database override these year by year.
/// </summary>
internal static class EmbeddedHolidays
{
    private const string Prefix = "holiday-cn/";

    private static readonly Lazy<IReadOnlyList<NoticeSchedule>> Loaded = new(Load);

    /// <summary>The embedded notices that list days, by year ascending. Read once per process.</summary>
    public static IReadOnlyList<NoticeSchedule> Schedules => Loaded.Value;

    private static List<NoticeSchedule> Load()
    {
        var assembly = typeof(EmbeddedHolidays).Assembly;
        var schedules = new List<NoticeSchedule>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var year = int.Parse(Path.GetFileNameWithoutExtension(resource[Prefix.Length..]), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var result = ScheduleFile.Read(reader.ReadToEnd(), ScheduleFormat.Json, year);
            if (result.Schedule is { } schedule)
            {
                schedules.Add(schedule);
            }
            else if (result.Problems.Any(p => p.Message != ScheduleFile.NoDays))
            {
                // The shipped data is checked by the tests; a bad file here is a packaging mistake, not user input.
                throw new InvalidOperationException($"The embedded holiday file {resource} is invalid: {string.Join("; ", result.Problems)}");
            }
        }

        return schedules;
    }
}
