using Followthrough.Storage;

namespace Followthrough.Ratings.Appeals;

/// <summary>Where an appeal stands: waiting for the supervision office, upheld (the rating leaves the figures) or rejected.</summary>
public enum AppealOutcome
{
    /// <summary>Filed by the unit; the supervision office has not decided (待审核).</summary>
    Pending,

    /// <summary>The office agreed the rating was mistaken or malicious (申诉成立): it no longer counts in the figures.</summary>
    Upheld,

    /// <summary>The office found the rating stands (申诉不成立).</summary>
    Rejected,
}

/// <summary>A unit's appeal (申诉) against one rating, and the supervision office's decision on it. One per rating.</summary>
internal sealed class RatingAppeal : IVersioned
{
    public int Id { get; set; }

    public int RatingId { get; set; }

    /// <summary>The unit the rating belongs to, which appeals.</summary>
    public int UnitId { get; set; }

    /// <summary>Why the unit holds the rating mistaken or malicious.</summary>
    public required string Reason { get; set; }

    /// <summary>What it offers as proof (recordings, the application's history, the rater's other ratings...).</summary>
    public required string Evidence { get; set; }

    public DateTime FiledAt { get; set; }

    public int FiledById { get; set; }

    public AppealOutcome Outcome { get; set; }

    public DateTime? DecidedAt { get; set; }

    public int? DecidedById { get; set; }

    public string? DecisionReason { get; set; }

    public int Version { get; set; } = 1;
}
