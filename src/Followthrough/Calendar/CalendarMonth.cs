using System.Globalization;

namespace Followthrough.Calendar;

/// <summary>One month of a calendar, for the month view: its days, and its weeks (Monday first) for a grid.</summary>
internal sealed record CalendarMonth(int Year, int Month, IReadOnlyList<DayDescription> Days)
{
    /// <summary>"2025-10".</summary>
    public string Key => Format(Year, Month);

    public DateOnly First => new(Year, Month, 1);

    /// <summary>The previous month's key, or null before the calendar's start.</summary>
    public string? PreviousKey => First.AddMonths(-1) is var p && p >= WorkingCalendar.MinDate ? Format(p.Year, p.Month) : null;

    /// <summary>The next month's key, or null after the calendar's end.</summary>
    public string? NextKey => First.AddMonths(1) is var n && n <= WorkingCalendar.MaxDate ? Format(n.Year, n.Month) : null;

    public int WorkingDays => Days.Count(d => d.IsWorkingDay);

    public bool AnyProvisional => Days.Any(d => d.Provisional);

    /// <summary>Weeks from Monday to Sunday; days of the neighbouring months are null.</summary>
    public IReadOnlyList<IReadOnlyList<DayDescription?>> Weeks
    {
        get
        {
            var weeks = new List<IReadOnlyList<DayDescription?>>();
            var lead = ((int)First.DayOfWeek + 6) % 7; // Monday = 0
            var cells = new List<DayDescription?>(Enumerable.Repeat<DayDescription?>(null, lead));
            cells.AddRange(Days.Select(d => (DayDescription?)d));
            while (cells.Count % 7 != 0)
            {
                cells.Add(null);
            }

            for (var i = 0; i < cells.Count; i += 7)
            {
                weeks.Add(cells.GetRange(i, 7));
            }

            return weeks;
        }
    }

    public static CalendarMonth Of(WorkingCalendar calendar, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var first = new DateOnly(year, month, 1);
        var days = Enumerable.Range(0, DateTime.DaysInMonth(year, month)).Select(i => calendar.Describe(first.AddDays(i))).ToList();
        return new CalendarMonth(year, month, days);
    }

    private static string Format(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
}
