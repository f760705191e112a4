namespace Followthrough.Plans;

/// <summary>
/// Plans run on Beijing time: a report due on 31 March is overdue from 1 April in China, whatever the server's zone.
/// China has kept UTC+8 all year since 1991, so a fixed offset is exact and needs no time-zone database.
/// </summary>
public static class PlanClock
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
    }
}
