using Followthrough.Storage;

namespace Followthrough.Calendar;

/// <summary>Where a stored schedule came from.</summary>
public enum ScheduleSource
{
    /// <summary>Imported from a holiday-cn style JSON file.</summary>
    Json,

    /// <summary>Imported from a CSV file (date,off|work[,name]).</summary>
    Csv,

    /// <summary>Regional days entered one at a time by an administrator.</summary>
    Manual,
}

/// <summary>
/// One region's schedule for one notice year, stored in the database. A national (<c>CN</c>) schedule replaces the
/// embedded dataset's file for that year; a regional one adds the region's own days. Re-importing the same region
/// and year replaces its days.
/// </summary>
internal sealed class CalendarSchedule : IVersioned
{
    public int Id { get; set; }

    /// <summary><c>CN</c> for the national schedule, else a region code such as <c>CN-LN-DL</c>.</summary>
    public required string Region { get; set; }

    public int Year { get; set; }

    public ScheduleSource Source { get; set; }

    /// <summary>The imported file's name, when there was one.</summary>
    public string? FileName { get; set; }

    /// <summary>The notices the file cites (holiday-cn "papers"), one address per line.</summary>
    public string Papers { get; set; } = string.Empty;

    public DateTime ImportedAt { get; set; }

    public required string ImportedBy { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A day a stored schedule lists: a rest day or a working day, with its name.</summary>
internal sealed class CalendarDay : IVersioned
{
    public int Id { get; set; }

    public int ScheduleId { get; set; }

    public DateOnly Date { get; set; }

    public bool IsOffDay { get; set; }

    public string Name { get; set; } = string.Empty;

    public int Version { get; set; } = 1;
}
