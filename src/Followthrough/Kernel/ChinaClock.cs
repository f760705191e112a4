namespace Followthrough.Kernel;

/// <summary>
/// The city runs on Beijing time (UTC+8, no daylight saving since 1991): a day starts at midnight in China wherever the
/// server runs, so a report due on 31 March is overdue from 1 April in Dalian, not eight hours later. Every rule about
/// "today" asks this clock, never the server's own time zone.
/// </summary>
public static class ChinaClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(Offset);
    }

    /// <summary>Today's date in China.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>A stored UTC time as the local date and time people read.</summary>
    public static DateTime Local(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);
}
