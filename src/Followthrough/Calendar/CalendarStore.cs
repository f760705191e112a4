using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Calendar;

/// <summary>What an import did: the schedule's days after it, and how they differ from before.</summary>
public sealed record ImportOutcome(string Region, int Year, ScheduleSource Source, int Days, int Added, int Changed, int Removed, bool Replaced);

/// <summary>The result of an import: the outcome, or every problem with the file (then nothing was written).</summary>
public sealed record ImportResult(ImportOutcome? Outcome, IReadOnlyList<ScheduleProblem> Problems)
{
    public bool Succeeded => Outcome is not null;
}

/// <summary>A day of a regional calendar, as administrators manage it.</summary>
internal sealed record RegionalDay(int Id, string Region, DateOnly Date, bool IsOffDay, string Name, int Version);

/// <summary>A region with days of its own.</summary>
internal sealed record RegionSummary(string Region, int Days, DateOnly FirstDate, DateOnly LastDate);

/// <summary>Why a regional day could not be saved.</summary>
internal enum RegionalDayProblem
{
    None,
    NotFound,
    DateTaken,
}

/// <summary>
/// The calendar's stored data: imported schedules and regional days. Every write locks and bumps the calendar revision
/// first (so calendar writers run one at a time, on PostgreSQL and SQLite alike), changes the rows and writes the
/// audit trail in the same transaction, then tells <see cref="CalendarService"/> to rebuild.
/// </summary>
public sealed class CalendarStore(FollowthroughDb db, CalendarService calendars, IEnumerable<ICalendarChangeObserver>? observers = null)
{
    /// <summary>The calendar changed: rebuild at the next read, then tell the observers (<see cref="ICalendarChangeObserver"/>).</summary>
    private async Task ChangedAsync(CancellationToken cancellationToken)
    {
        calendars.Changed();
        foreach (var observer in observers ?? [])
        {
            await observer.CalendarChangedAsync(cancellationToken);
        }
    }

    public async Task<long> RevisionAsync(CancellationToken cancellationToken = default) =>
        (await db.QueryAsync("SELECT revision FROM calendar_revision WHERE id = 1", [], r => r.GetInt64(0), cancellationToken)).Single();

    /// <summary>Every stored schedule with its days.</summary>
    internal async Task<IReadOnlyList<StoredSchedule>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var schedules = await db.Set<CalendarSchedule>().AsNoTracking().ToListAsync(cancellationToken);
        var days = (await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(d => d.ScheduleId);
        return [.. schedules.Select(s => new StoredSchedule(
            s.Region, s.Year, s.Source, s.FileName, s.ImportedAt, s.ImportedBy,
            [.. days[s.Id].OrderBy(d => d.Date).Select(d => new ScheduledDay(d.Date, d.IsOffDay, d.Name))]))];
    }

    /// <summary>
    /// Checks the whole file and, only when it is valid, stores it as the schedule of <paramref name="region"/> for
    /// its year, replacing that year's stored days (importing the same file again changes nothing but the import time).
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        string content, ScheduleFormat format, string? region = null, int? year = null, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var code = CalendarRegions.Normalize(region);
        var read = ScheduleFile.Read(content, format, year);
        if (!read.IsValid)
        {
            return new ImportResult(null, read.Problems);
        }

        var schedule = read.Schedule!;
        var source = format == ScheduleFormat.Json ? ScheduleSource.Json : ScheduleSource.Csv;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BumpRevisionAsync(cancellationToken);
        var stored = await db.Set<CalendarSchedule>().SingleOrDefaultAsync(s => s.Region == code && s.Year == schedule.Year, cancellationToken);
        var replaced = stored is not null;
        if (stored is null)
        {
            stored = new CalendarSchedule { Region = code, Year = schedule.Year, ImportedBy = db.Actor.Name };
            db.Set<CalendarSchedule>().Add(stored);
        }

        stored.Source = source;
        stored.FileName = string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName.Trim());
        stored.Papers = string.Join('\n', read.Papers);
        stored.ImportedAt = db.Clock.GetUtcNow().UtcDateTime;
        stored.ImportedBy = db.Actor.Name;
        if (!replaced)
        {
            db.DescribeNextSave("calendar-imported");
            await db.SaveChangesAsync(cancellationToken); // the new schedule's id, for its days
        }

        var existing = replaced
            ? await db.Set<CalendarDay>().Where(d => d.ScheduleId == stored.Id).ToDictionaryAsync(d => d.Date, cancellationToken)
            : [];
        int added = 0, changed = 0;
        foreach (var day in schedule.Days)
        {
            if (existing.Remove(day.Date, out var row))
            {
                if (row.IsOffDay != day.IsOffDay || row.Name != day.Name)
                {
                    row.IsOffDay = day.IsOffDay;
                    row.Name = day.Name;
                    changed++;
                }
            }
            else
            {
                db.Set<CalendarDay>().Add(new CalendarDay { ScheduleId = stored.Id, Date = day.Date, IsOffDay = day.IsOffDay, Name = day.Name });
                added++;
            }
        }

        db.Set<CalendarDay>().RemoveRange(existing.Values);
        db.DescribeNextSave("calendar-imported", $"{code} {schedule.Year}: {schedule.Days.Count} days from {stored.FileName ?? format.ToString()}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(cancellationToken);
        return new ImportResult(
            new ImportOutcome(code, schedule.Year, source, schedule.Days.Count, added, changed, existing.Count, replaced),
            []);
    }

    /// <summary>Stored schedules of one region (national: <c>CN</c>) with their day counts, newest year first.</summary>
    internal async Task<IReadOnlyList<(CalendarSchedule Schedule, int Days)>> SchedulesAsync(string region, CancellationToken cancellationToken = default)
    {
        var code = CalendarRegions.Normalize(region);
        var schedules = await db.Set<CalendarSchedule>().AsNoTracking().Where(s => s.Region == code).ToListAsync(cancellationToken);
        var ids = schedules.Select(s => s.Id).ToList();
        var counts = await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => ids.Contains(d.ScheduleId))
            .GroupBy(d => d.ScheduleId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. schedules.OrderByDescending(s => s.Year).Select(s => (s, counts.GetValueOrDefault(s.Id)))];
    }

    /// <summary>Regions with days of their own.</summary>
    internal async Task<IReadOnlyList<RegionSummary>> RegionsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (
            from d in db.Set<CalendarDay>().AsNoTracking()
            join s in db.Set<CalendarSchedule>().AsNoTracking() on d.ScheduleId equals s.Id
            where s.Region != WorkingCalendar.National
            select new { s.Region, d.Date }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Region)
            .Select(g => new RegionSummary(g.Key, g.Count(), g.Min(r => r.Date), g.Max(r => r.Date)))
            .OrderBy(r => r.Region, StringComparer.Ordinal)];
    }

    /// <summary>A region's own days, by date, optionally of one year only.</summary>
    internal async Task<(IReadOnlyList<RegionalDay> Items, int Total)> RegionalDaysAsync(
        string region, int? year, int skip, int take, CancellationToken cancellationToken = default)
    {
        var code = CalendarRegions.Normalize(region);
        var query = DaysOf(code);
        if (year is { } y)
        {
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            query = query.Where(d => d.Date >= first && d.Date <= last);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(d => d.Date).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return ([.. items.Select(d => View(code, d))], total);
    }

    internal async Task<RegionalDay?> RegionalDayAsync(string region, int id, CancellationToken cancellationToken = default)
    {
        var code = CalendarRegions.Normalize(region);
        var day = await DaysOf(code).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return day is null ? null : View(code, day);
    }

    /// <summary>Adds a regional day; <see cref="RegionalDayProblem.DateTaken"/> when the region already lists the date.</summary>
    internal async Task<(RegionalDay? Day, RegionalDayProblem Problem)> AddRegionalDayAsync(
        string region, DateOnly date, bool isOffDay, string name, CancellationToken cancellationToken = default)
    {
        var code = RegionalCode(region);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BumpRevisionAsync(cancellationToken);
        if (await DaysOf(code).AnyAsync(d => d.Date == date, cancellationToken))
        {
            return (null, RegionalDayProblem.DateTaken);
        }

        var schedule = await ManualScheduleAsync(code, date.Year, cancellationToken);
        var day = new CalendarDay { ScheduleId = schedule.Id, Date = date, IsOffDay = isOffDay, Name = name.Trim() };
        db.Set<CalendarDay>().Add(day);
        db.DescribeNextSave("created", $"{code} {date:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(cancellationToken);
        return (View(code, day), RegionalDayProblem.None);
    }

    /// <summary>
    /// Changes a regional day. A stale <paramref name="expectedVersion"/> throws <see cref="DbUpdateConcurrencyException"/>
    /// and changes nothing.
    /// </summary>
    internal async Task<(RegionalDay? Day, RegionalDayProblem Problem)> UpdateRegionalDayAsync(
        string region, int id, int expectedVersion, DateOnly date, bool isOffDay, string name, CancellationToken cancellationToken = default)
    {
        var code = RegionalCode(region);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BumpRevisionAsync(cancellationToken);
        var day = await TrackedRegionalDayAsync(code, id, cancellationToken);
        if (day is null)
        {
            return (null, RegionalDayProblem.NotFound);
        }

        if (date != day.Date && await DaysOf(code).AnyAsync(d => d.Date == date && d.Id != id, cancellationToken))
        {
            return (null, RegionalDayProblem.DateTaken);
        }

        db.Entry(day).Property(d => d.Version).OriginalValue = expectedVersion;
        if (date.Year != day.Date.Year)
        {
            day.ScheduleId = (await ManualScheduleAsync(code, date.Year, cancellationToken)).Id;
        }

        day.Date = date;
        day.IsOffDay = isOffDay;
        day.Name = name.Trim();
        db.DescribeNextSave("updated", $"{code} {date:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(cancellationToken);
        return (View(code, day), RegionalDayProblem.None);
    }

    /// <summary>Removes a regional day; a stale <paramref name="expectedVersion"/> throws <see cref="DbUpdateConcurrencyException"/>.</summary>
    internal async Task<RegionalDayProblem> DeleteRegionalDayAsync(string region, int id, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var code = RegionalCode(region);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BumpRevisionAsync(cancellationToken);
        var day = await TrackedRegionalDayAsync(code, id, cancellationToken);
        if (day is null)
        {
            return RegionalDayProblem.NotFound;
        }

        if (expectedVersion is { } version)
        {
            db.Entry(day).Property(d => d.Version).OriginalValue = version;
        }

        db.Set<CalendarDay>().Remove(day);
        db.DescribeNextSave("deleted", $"{code} {day.Date:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(cancellationToken);
        return RegionalDayProblem.None;
    }

    private IQueryable<CalendarDay> DaysOf(string code) =>
        db.Set<CalendarDay>().AsNoTracking().Where(d => db.Set<CalendarSchedule>().Any(s => s.Id == d.ScheduleId && s.Region == code));

    private async Task<CalendarDay?> TrackedRegionalDayAsync(string code, int id, CancellationToken cancellationToken) =>
        await db.Set<CalendarDay>()
            .Where(d => d.Id == id && db.Set<CalendarSchedule>().Any(s => s.Id == d.ScheduleId && s.Region == code))
            .SingleOrDefaultAsync(cancellationToken);

    private static RegionalDay View(string code, CalendarDay day) => new(day.Id, code, day.Date, day.IsOffDay, day.Name, day.Version);

    /// <summary>The region's schedule for the year, created (as entered by hand) when the region has none yet.</summary>
    private async Task<CalendarSchedule> ManualScheduleAsync(string code, int year, CancellationToken cancellationToken)
    {
        var schedule = await db.Set<CalendarSchedule>().SingleOrDefaultAsync(s => s.Region == code && s.Year == year, cancellationToken);
        if (schedule is not null)
        {
            return schedule;
        }

        schedule = new CalendarSchedule
        {
            Region = code,
            Year = year,
            Source = ScheduleSource.Manual,
            ImportedAt = db.Clock.GetUtcNow().UtcDateTime,
            ImportedBy = db.Actor.Name,
        };
        db.Set<CalendarSchedule>().Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        return schedule;
    }

    /// <summary>Locks the revision row for the rest of the transaction and moves it on.</summary>
    private Task<int> BumpRevisionAsync(CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1", [], cancellationToken);

    private static string RegionalCode(string region)
    {
        var code = CalendarRegions.Normalize(region);
        return CalendarRegions.IsNational(code)
            ? throw new ArgumentException("The national schedule changes only by importing a year's notice.", nameof(region))
            : code;
    }
}
