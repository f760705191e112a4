namespace Followthrough.Calendar;

/// <summary>The list of loaded schedules shown by the API and the import page.</summary>
internal static class CalendarSchedules
{
    /// <summary>
    /// National: every year from the first official one through next year (Beijing time), official or provisional.
    /// A region: its stored years, each marked official when the national schedule of that year is loaded.
    /// </summary>
    public static async Task<IReadOnlyList<ScheduleView>> ListAsync(
        string region, CalendarService calendars, CalendarStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var snapshot = await calendars.SnapshotAsync(cancellationToken);
        if (CalendarRegions.IsNational(region))
        {
            var stored = (await store.SchedulesAsync(region, cancellationToken)).ToDictionary(s => s.Schedule.Year, s => s.Schedule);
            return [.. snapshot.NationalYears(ChinaClock.Today(clock).Year + 1)
                .OrderByDescending(y => y.Year)
                .Select(y => new ScheduleView(
                    region, y.Year, y.Official, y.Source, y.Days,
                    stored.GetValueOrDefault(y.Year)?.FileName, y.ImportedAt, y.ImportedBy))];
        }

        var schedules = await store.SchedulesAsync(region, cancellationToken);
        return [.. schedules.Select(s => new ScheduleView(
            region, s.Schedule.Year, snapshot.IsOfficial(s.Schedule.Year), s.Schedule.Source.ToString().ToLowerInvariant(), s.Days,
            s.Schedule.FileName, s.Schedule.ImportedAt, s.Schedule.ImportedBy))];
    }
}
