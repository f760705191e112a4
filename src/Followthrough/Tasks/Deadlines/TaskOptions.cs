namespace Followthrough.Tasks;

/// <summary>The supervision office's rules of thumb, configurable under <c>Followthrough:Tasks</c>.</summary>
public sealed class TaskOptions
{
    public const string Section = "Followthrough:Tasks";

    /// <summary>A deadline or time node this many working days away, or fewer, is "due soon".</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>The lead unit signs for (签收) an assigned task within this many working days.</summary>
    public int SignForWorkingDays { get; set; } = 3;

    /// <summary>Whose working days count: a calendar region code (national days plus the region's own).</summary>
    public string CalendarRegion { get; set; } = "CN-LN-DL";

    /// <summary>The prefix of generated task codes: DL-2021-0001.</summary>
    public string CodePrefix { get; set; } = "DL";
}
