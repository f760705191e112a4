using System.Text.Json.Serialization;
using Followthrough.Storage;

namespace Followthrough.Directives.Documents;

/// <summary>Where the clerk's review of a drafted directive stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CandidateStatus>))]
internal enum CandidateStatus
{
    /// <summary>Found by the engine, not yet looked at.</summary>
    Pending,

    /// <summary>To become a task at the next "create tasks".</summary>
    Accepted,

    /// <summary>Not a directive, or not one to follow up.</summary>
    Rejected,

    /// <summary>Made into a task; no longer editable.</summary>
    TaskCreated,
}

/// <summary>
/// One directive the engine found in a document, as the clerk reviews it: the sentence (by UTF-16 offsets into the
/// document's text), the task text as edited, the units and deadline the engine matched, and what the clerk filled.
/// </summary>
internal sealed class DirectiveCandidate : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>Start of the sentence in the document's text (UTF-16 code units).</summary>
    public int StartOffset { get; set; }

    /// <summary>End of the sentence, exclusive.</summary>
    public int EndOffset { get; set; }

    /// <summary>The text the task gets: the sentence, or the clerk's edit of it.</summary>
    public required string Text { get; set; }

    /// <summary>The actors as found: "start-end:unit code" separated by '|' (unit code empty for generic actors).</summary>
    public string Actors { get; set; } = string.Empty;

    public string? DeadlineText { get; set; }

    public int? DeadlineStart { get; set; }

    public int? DeadlineEnd { get; set; }

    public DateOnly? Deadline { get; set; }

    public string Topics { get; set; } = string.Empty;

    public int? SuggestedPlanItemId { get; set; }

    public CandidateStatus Status { get; set; } = CandidateStatus.Pending;

    public int? LeadUnitId { get; set; }

    /// <summary>Co-operating unit ids separated by ','.</summary>
    public string PartnerUnitIds { get; set; } = string.Empty;

    public int? PlanItemId { get; set; }

    public int? TaskId { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
