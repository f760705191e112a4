using System.Text.Json.Serialization;

namespace Followthrough.Plans;

/// <summary>The tier of government whose plan it is. Declared from the top down: a lower value is a higher level.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanLevel>))]
public enum PlanLevel
{
    National,
    Provincial,
    Municipal,
    District,
}

/// <summary>Where a plan is in its life: drafted, adopted and in force, or kept for the record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanStatus>))]
public enum PlanStatus
{
    Draft,
    InForce,
    Archived,
}

/// <summary>
/// The levels of a plan's outline, from the top: chapter (章), section (节), goal (目标), key task (重点任务) and
/// measure (举措). An item's children are of a later kind than the item itself; levels may be skipped.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanItemKind>))]
public enum PlanItemKind
{
    Chapter,
    Section,
    Goal,
    KeyTask,
    Measure,
}
