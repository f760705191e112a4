namespace Followthrough.Tasks;

/// <summary>A milestone of a task (时间节点) with its own due date, e.g. "方案出台" by 2021-05-31.</summary>
internal sealed class TimeNode
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public required string Title { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>Set when a progress report says the milestone was reached.</summary>
    public DateOnly? ReachedOn { get; set; }
}
