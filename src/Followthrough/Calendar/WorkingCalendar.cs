using System.Collections.Frozen;
using System.Globalization;

namespace Followthrough.Calendar;

/// <summary>
/// China's working days for one region, as an immutable set of tables built once and answered in constant time.
/// Rule: a date listed by a schedule is a rest day or a working day as the schedule says (the national schedule
/// first, then each regional layer in order, the last word winning); every other date is a working day from Monday
/// to Friday and a rest day on Saturday and Sunday.
/// Counting follows the statutory rule: the start day is not counted, day 1 is the next working day.
/// Covers <see cref="MinDate"/> to <see cref="MaxDate"/>; dates outside throw <see cref="ArgumentOutOfRangeException"/>.
/// Safe to share between threads.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>The national calendar's region code; regional codes extend it (e.g. <c>CN-LN-DL</c> for Dalian).</summary>
    public const string National = "CN";

    public static readonly DateOnly MinDate = new(2000, 1, 1);
    public static readonly DateOnly MaxDate = new(2099, 12, 31);

    private static readonly int FirstDayNumber = MinDate.DayNumber;
    private static readonly int DayCount = MaxDate.DayNumber - MinDate.DayNumber + 1;

    // Indexes are days since MinDate. 36,525 days fit in 16 bits, which halves the tables (about 230 KB in all).
    // _workingBefore[i]: working days in [MinDate, day i). Length DayCount + 1, so "up to and including day i" is [i + 1].
    private readonly ushort[] _workingBefore;

    // _workingDays[k]: the index of the (k + 1)-th working day since MinDate. AddWorkingDays is one lookup in it.
    private readonly ushort[] _workingDays;

    // _unofficialBefore[i]: days in [MinDate, day i) whose year has no official schedule. A difference > 0 means provisional.
    private readonly ushort[] _unofficialBefore;

    private readonly byte[] _kinds;
    private readonly FrozenDictionary<int, string> _names;
    private readonly FrozenSet<int> _officialYears;

    /// <summary>Builds the tables.</summary>
    /// <param name="national">The national notices. A notice with days makes its year official; later notices win for a date listed twice.</param>
    /// <param name="regionalLayers">Regional days applied on top, in order (e.g. the province's, then the city's).</param>
    /// <param name="region">The region code these tables answer for, <see cref="National"/> by default.</param>
    internal WorkingCalendar(
        IEnumerable<NoticeSchedule> national,
        IEnumerable<IEnumerable<ScheduledDay>>? regionalLayers = null,
        string region = National)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        Region = region;

        var notices = national.OrderBy(n => n.Year).ToList();
        _officialYears = notices.Where(n => n.Days.Count > 0).Select(n => n.Year).ToFrozenSet();

        _kinds = new byte[DayCount];
        for (var i = 0; i < DayCount; i++)
        {
            // Day 0 (2000-01-01) was a Saturday; the weekday repeats every 7 days.
            var dayOfWeek = (DayOfWeek)((i + (int)MinDate.DayOfWeek) % 7);
            _kinds[i] = (byte)(dayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday);
        }

        var names = new Dictionary<int, string>();
        foreach (var notice in notices)
        {
            Apply(notice.Days, DayKind.Holiday, DayKind.MakeUpWorkday, names);
        }

        foreach (var layer in regionalLayers ?? [])
        {
            Apply(layer, DayKind.RegionalRestDay, DayKind.RegionalWorkday, names);
        }

        _names = names.ToFrozenDictionary();

        _workingBefore = new ushort[DayCount + 1];
        _unofficialBefore = new ushort[DayCount + 1];
        var workingDays = new List<ushort>(DayCount * 5 / 7 + 7);
        for (int i = 0, year = MinDate.Year, yearEnd = DayIndex(new DateOnly(year, 12, 31)); i < DayCount; i++)
        {
            if (i > yearEnd)
            {
                year++;
                yearEnd = DayIndex(new DateOnly(year, 12, 31));
            }

            var working = ((DayKind)_kinds[i]).IsWorking();
            if (working)
            {
                workingDays.Add((ushort)i);
            }

            _workingBefore[i + 1] = (ushort)(_workingBefore[i] + (working ? 1 : 0));
            _unofficialBefore[i + 1] = (ushort)(_unofficialBefore[i] + (_officialYears.Contains(year) ? 0 : 1));
        }

        _workingDays = [.. workingDays];
    }

    /// <summary>The region these tables answer for (<see cref="National"/> or e.g. <c>CN-LN-DL</c>).</summary>
    public string Region { get; }

    /// <summary>Years whose official national schedule is loaded; other years use weekends only and are provisional.</summary>
    public IReadOnlySet<int> OfficialYears => _officialYears;

    /// <summary>Bytes held by the lookup tables (the arrays; the holiday names add a few kilobytes).</summary>
    public int TableBytes =>
        (_workingBefore.Length + _workingDays.Length + _unofficialBefore.Length) * sizeof(ushort) + _kinds.Length;

    public bool IsOfficial(int year) => _officialYears.Contains(year);

    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="MinDate"/>..<see cref="MaxDate"/>.</exception>
    public bool IsWorkingDay(DateOnly date) => ((DayKind)_kinds[CheckedIndex(date, nameof(date))]).IsWorking();

    /// <summary>The kind of day, the holiday's name, and whether the answer is provisional.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="MinDate"/>..<see cref="MaxDate"/>.</exception>
    public DayDescription Describe(DateOnly date)
    {
        var index = CheckedIndex(date, nameof(date));
        return new DayDescription(
            date,
            (DayKind)_kinds[index],
            _names.GetValueOrDefault(index),
            !_officialYears.Contains(date.Year));
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>: the start day is not
    /// counted and day 1 is the next working day, so the result is always a working day. For 0 the start date itself
    /// is returned unchanged (nothing is counted, so it is never provisional), even when it is a rest day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="workingDays"/> is negative, the start is outside the covered range, or the result would be after <see cref="MaxDate"/>.
    /// </exception>
    public WorkingDayResult AddWorkingDays(DateOnly start, int workingDays)
    {
        var from = CheckedIndex(start, nameof(start));
        if (workingDays <= 0)
        {
            return workingDays == 0
                ? new WorkingDayResult(start, false)
                : throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, "The number of working days must not be negative.");
        }

        // The target is the k-th working day since MinDate, k = (working days up to and including the start) + n.
        var target = _workingBefore[from + 1] + workingDays - 1;
        if ((uint)target >= (uint)_workingDays.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(workingDays), workingDays, string.Create(CultureInfo.InvariantCulture, $"The result would be after {MaxDate:yyyy-MM-dd}, the end of the calendar."));
        }

        var to = _workingDays[target];
        return new WorkingDayResult(
            DateOnly.FromDayNumber(FirstDayNumber + to),
            _unofficialBefore[to + 1] != _unofficialBefore[from + 1]);
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>AddWorkingDays(d, n).Date == x</c> exactly when <c>WorkingDaysBetween(d, x) == n</c> and x is a working day.
    /// When <paramref name="to"/> is before <paramref name="from"/> the answer is negative:
    /// <c>WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a)</c> (e.g. how many working days a deadline is overdue).
    /// Provisional when any day between them lies in a year with no official schedule.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside <see cref="MinDate"/>..<see cref="MaxDate"/>.</exception>
    public WorkingDayCount WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var a = CheckedIndex(from, nameof(from)) + 1;
        var b = CheckedIndex(to, nameof(to)) + 1;
        return new WorkingDayCount(_workingBefore[b] - _workingBefore[a], _unofficialBefore[b] != _unofficialBefore[a]);
    }

    private void Apply(IEnumerable<ScheduledDay> days, DayKind rest, DayKind work, Dictionary<int, string> names)
    {
        foreach (var day in days)
        {
            if (day.Date < MinDate || day.Date > MaxDate)
            {
                continue; // a notice may reach just past the covered range; nothing can ask about those days
            }

            var index = DayIndex(day.Date);
            _kinds[index] = (byte)(day.IsOffDay ? rest : work);
            if (string.IsNullOrWhiteSpace(day.Name))
            {
                names.Remove(index);
            }
            else
            {
                names[index] = day.Name;
            }
        }
    }

    private static int DayIndex(DateOnly date) => date.DayNumber - FirstDayNumber;

    private static int CheckedIndex(DateOnly date, string parameter)
    {
        var index = date.DayNumber - FirstDayNumber;
        if ((uint)index >= (uint)DayCount)
        {
            throw new ArgumentOutOfRangeException(
                parameter, date, string.Create(CultureInfo.InvariantCulture, $"The working-day calendar covers {MinDate:yyyy-MM-dd} to {MaxDate:yyyy-MM-dd}."));
        }

        return index;
    }
}
