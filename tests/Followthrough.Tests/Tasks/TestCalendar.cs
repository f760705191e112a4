using Followthrough.Tasks;

namespace Followthrough.Tests.Tasks;

/// <summary>
/// A working-day calendar written out in the test from the State Council's 2025 notice: the Spring Festival
/// (28 January – 4 February off; Sunday 26 January and Saturday 8 February worked) and National Day with the
/// Mid-Autumn Festival (1–8 October off; Sunday 28 September and Saturday 11 October worked). Other weekends rest.
/// Years other than 2025 count as provisional.
/// </summary>
internal sealed class TestCalendar : IWorkingDayCalendar
{
    private static readonly HashSet<DateOnly> Off =
    [
        new(2025, 1, 1),
        .. Days(new DateOnly(2025, 1, 28), new DateOnly(2025, 2, 4)),
        .. Days(new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 8)),
    ];

    private static readonly HashSet<DateOnly> MadeUp =
    [
        new(2025, 1, 26), new(2025, 2, 8), new(2025, 9, 28), new(2025, 10, 11),
    ];

    public static readonly TestCalendar Instance = new();

    public bool IsWorkingDay(DateOnly date) =>
        MadeUp.Contains(date) || (!Off.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public bool IsProvisional(DateOnly date) => date.Year != 2025;

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
