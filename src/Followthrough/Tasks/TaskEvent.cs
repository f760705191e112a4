namespace Followthrough.Tasks;

/// <summary>
/// One step on a task's timeline: who did what, when, with which comment, and the state before and after.
/// The audit trail keeps the field-level record; the timeline is what people read on the task page. Later
/// modules (reminders, urging, escalation) add their own steps here with their own <see cref="Action"/> names.
/// </summary>
internal sealed class TaskEvent
{
    public long Id { get; set; }

    public int TaskId { get; set; }

    /// <summary>Lets a step be recorded in the same save that creates the task.</summary>
    public WorkTask? WorkTask { get; set; }

    public DateTime OccurredAt { get; set; }

    public int? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The step, kebab-case: one of <see cref="TaskAction"/>'s names, or another module's (e.g. "urged").</summary>
    public required string Action { get; set; }

    public TaskState? FromState { get; set; }

    public TaskState? ToState { get; set; }

    public string? Comment { get; set; }

    /// <summary>Short machine-readable details, e.g. "deadline 2021-06-30 → 2021-07-31" or "report 42".</summary>
    public string? Details { get; set; }
}
