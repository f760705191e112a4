using System.Text.Json.Serialization;

namespace Followthrough.Supervision;

/// <summary>What a notice is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeKind>))]
internal enum NoticeKind
{
    /// <summary>A deadline or time node falls within the due-soon window (到期提醒).</summary>
    DueSoon,

    /// <summary>The deadline or a time node has passed: an urging notice sent by the daily run (逾期催办).</summary>
    Overdue,

    /// <summary>A progress report is late (进展报送催报).</summary>
    ReportOverdue,

    /// <summary>An urging notice a supervisor sent by hand (催办通知).</summary>
    Urged,

    /// <summary>Late long enough that the task became a key item under its lead leader (升级为重点督办).</summary>
    KeyItem,

    /// <summary>Late long enough for the special supervision list (列入专项督查).</summary>
    SpecialSupervision,
}

/// <summary>
/// One message in a unit's or a person's inbox (站内通知). Exactly one recipient: a unit (every staff member of the unit
/// reads it, and one reading marks it read for the unit) or a person (a leader). <see cref="Key"/> is unique, so a
/// reminder or urging with the same key is written once however often the run is repeated.
/// </summary>
internal sealed class Notice
{
    public long Id { get; set; }

    /// <summary>Idempotency key, e.g. <c>task:42:overdue:2026-02-27</c> or <c>task:42:escalate:5</c>.</summary>
    public required string Key { get; set; }

    public NoticeKind Kind { get; set; }

    public int? TaskId { get; set; }

    public int? RecipientUnitId { get; set; }

    public int? RecipientPersonId { get; set; }

    /// <summary>Copied when written, so the inbox reads without joining the tasks.</summary>
    public string TaskCode { get; set; } = string.Empty;

    public string TaskTitle { get; set; } = string.Empty;

    /// <summary>The page a notice about another module's work points to (<see cref="ISupervisedWork"/>); null for a task's
    /// notice, which points to the task.</summary>
    public string? Link { get; set; }

    /// <summary>The deadline, time node or report day the notice is about.</summary>
    public DateOnly? DueOn { get; set; }

    public int? WorkingDaysLate { get; set; }

    /// <summary>The supervisor's own words on an urging notice.</summary>
    public string? Message { get; set; }

    public int? SenderId { get; set; }

    public required string SenderName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    public int? ReadById { get; set; }

    public bool IsRead => ReadAt is not null;
}
