using System.Collections.Concurrent;

namespace Followthrough.Calendar;

/// <summary>A schedule as stored in the database, with its days.</summary>
internal sealed record StoredSchedule(
    string Region,
    int Year,
    ScheduleSource Source,
    string? FileName,
    DateTime ImportedAt,
    string ImportedBy,
    IReadOnlyList<ScheduledDay> Days);

/// <summary>One year of the national calendar: official (from the embedded dataset or an import) or provisional.</summary>
public sealed record NationalYear(int Year, bool Official, string Source, int Days, DateTime? ImportedAt, string? ImportedBy);

/// <summary>
/// Everything the calendar knows at one database revision: the national notices (the embedded dataset, overridden
/// year by year by imported schedules) and the stored regional days. Immutable; the working calendar of each region
/// is built on first use and kept.
/// </summary>
public sealed class CalendarSnapshot
{
    /// <summary>The embedded files are "embedded"; stored national schedules are named by their source.</summary>
    public const string EmbeddedSource = "embedded";

    private readonly ConcurrentDictionary<string, Lazy<WorkingCalendar>> _regional = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<NoticeSchedule> _notices;
    private readonly ILookup<string, StoredSchedule> _regionalSchedules;
    private readonly Dictionary<int, StoredSchedule> _imported;

    private CalendarSnapshot(long revision, IReadOnlyList<StoredSchedule> stored)
    {
        Revision = revision;
        Stored = stored;
        var imported = stored.Where(s => CalendarRegions.IsNational(s.Region)).ToDictionary(s => s.Year);
        _notices = [.. EmbeddedHolidays.Schedules.Where(e => !imported.ContainsKey(e.Year))
            .Concat(imported.Values.Select(s => new NoticeSchedule(s.Year, s.Days)))
            .OrderBy(n => n.Year)];
        _regionalSchedules = stored.Where(s => !CalendarRegions.IsNational(s.Region)).OrderBy(s => s.Year).ToLookup(s => s.Region, StringComparer.Ordinal);
        National = new WorkingCalendar(_notices);
        _imported = imported;
        Regions = [.. _regionalSchedules.Select(g => g.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>The calendar from the embedded dataset alone (no database, or nothing imported).</summary>
    public static CalendarSnapshot Embedded { get; } = new(-1, []);

    /// <summary>The database's calendar revision this snapshot was built at; -1 when built without a database.</summary>
    public long Revision { get; }

    internal IReadOnlyList<StoredSchedule> Stored { get; }

    public WorkingCalendar National { get; }

    /// <summary>Region codes that have days of their own.</summary>
    public IReadOnlyList<string> Regions { get; }

    internal static CalendarSnapshot Build(IEnumerable<StoredSchedule> stored, long revision)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new CalendarSnapshot(revision, [.. stored]);
    }

    public bool IsOfficial(int year) => National.IsOfficial(year);

    /// <summary>
    /// The calendar of <paramref name="region"/> (null or <c>CN</c>: national): the national tables with the days of
    /// every layer of the code that has days of its own. The answer's <see cref="WorkingCalendar.Region"/> is the
    /// deepest such layer (national when none has days), so any number of codes without days of their own
    /// (e.g. CN-LN-DL-X, CN-XX) share tables and cost nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The code is not a region code (see <see cref="CalendarRegions"/>).</exception>
    public WorkingCalendar For(string? region)
    {
        var code = CalendarRegions.Normalize(region);
        var layers = CalendarRegions.Layers(code).Where(_regionalSchedules.Contains).ToList();
        if (layers.Count == 0)
        {
            return National;
        }

        return _regional.GetOrAdd(layers[^1], key => new Lazy<WorkingCalendar>(() => new WorkingCalendar(
            _notices,
            layers.Select(layer => _regionalSchedules[layer].SelectMany(s => s.Days)),
            key))).Value;
    }

    /// <summary>
    /// The national years from the first official one through <paramref name="lastYear"/> (or the last official
    /// one, if later), each official (embedded or imported) or provisional (weekends only).
    /// </summary>
    public IReadOnlyList<NationalYear> NationalYears(int lastYear)
    {
        var official = National.OfficialYears;
        var first = official.Count == 0 ? lastYear : Math.Min(official.Min(), lastYear);
        var last = official.Count == 0 ? lastYear : Math.Max(official.Max(), lastYear);
        var years = new List<NationalYear>();
        for (var year = first; year <= last; year++)
        {
            if (_imported.TryGetValue(year, out var stored))
            {
                years.Add(new NationalYear(year, true, stored.Source.ToString().ToLowerInvariant(), stored.Days.Count, stored.ImportedAt, stored.ImportedBy));
            }
            else
            {
                var embedded = _notices.FirstOrDefault(n => n.Year == year);
                years.Add(embedded is null
                    ? new NationalYear(year, false, "weekends only", 0, null, null)
                    : new NationalYear(year, true, EmbeddedSource, embedded.Days.Count, null, null));
            }
        }

        return years;
    }
}
