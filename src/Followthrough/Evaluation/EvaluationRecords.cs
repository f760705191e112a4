using System.Text.Json.Serialization;
using Followthrough.Storage;

namespace Followthrough.Evaluation;

/// <summary>
/// The supervision office's judgement of the quality of a unit's work for a period (工作质量评分), 0–100. One per unit
/// and period; changing it is a versioned update, so two supervisors cannot silently overwrite each other, and the
/// audit trail keeps every earlier value.
/// </summary>
internal sealed class EvaluationScore : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    /// <summary>The period's canonical text (<see cref="EvaluationPeriod.Key"/>), e.g. 2026Q3.</summary>
    public required string Period { get; set; }

    public int Score { get; set; }

    public string Comment { get; set; } = string.Empty;

    public int? EnteredById { get; set; }

    public required string EnteredByName { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<NoteKind>))]
public enum NoteKind
{
    /// <summary>A unit is commended in the bulletin (表扬).</summary>
    Reward,

    /// <summary>A unit is held to account (问责), e.g. a talk with its head for repeated delays.</summary>
    Accountability,
}

/// <summary>A reward or accountability note against a unit for a period, shown in that period's bulletin.</summary>
internal sealed class EvaluationNote
{
    public long Id { get; set; }

    public int UnitId { get; set; }

    public required string Period { get; set; }

    public NoteKind Kind { get; set; }

    public required string Text { get; set; }

    public int? RecordedById { get; set; }

    public required string RecordedByName { get; set; }

    public DateTime RecordedAt { get; set; }
}
