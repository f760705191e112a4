namespace Followthrough.Tasks;

/// <summary>
/// Deadlines are calendar days in China (UTC+8, no daylight saving). "Today" for a task is the date in Dalian,
/// not in UTC, or everything would turn overdue eight hours late.
/// </summary>
public static class CityClock
{
    public static readonly TimeSpan Offset = Calendar.ChinaTime.Offset;

    public static DateOnly Today(this TimeProvider clock) => Calendar.ChinaTime.Today(clock);

    /// <summary>A stored UTC time as the local date and time people read.</summary>
    public static DateTime Local(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);
}
