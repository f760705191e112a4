namespace Followthrough.Tasks;

/// <summary>A co-operating unit (配合单位) of a task, with the part it contributes; split off as a sub-task when wanted.</summary>
internal sealed class TaskPartner
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public int UnitId { get; set; }

    /// <summary>What this unit contributes, in words (e.g. "provide land-use indicators").</summary>
    public string Part { get; set; } = string.Empty;

    /// <summary>The sub-task created for this unit's part, once the task has been split.</summary>
    public int? SubTaskId { get; set; }

    public WorkTask? SubTask { get; set; }
}
