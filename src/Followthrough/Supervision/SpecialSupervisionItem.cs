namespace Followthrough.Supervision;

/// <summary>A task on the special supervision list (专项督查清单): late so long that the office follows it in person.
/// One row per task; the row stays after the task is done, as the record that it was put there.</summary>
internal sealed class SpecialSupervisionItem
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public DateOnly AddedOn { get; set; }

    /// <summary>How late the task was, in working days, on the day it was put on the list.</summary>
    public int WorkingDaysLate { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}
