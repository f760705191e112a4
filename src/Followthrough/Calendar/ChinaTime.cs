namespace Followthrough.Calendar;

/// <summary>
/// The calendar is China's: a day starts at midnight Beijing time (UTC+8, no daylight saving), wherever the server
/// runs. Use this for "today" in rules about working days, never the server's own time zone.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(Offset);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);
}
