using Followthrough.Directives.Documents;

namespace Followthrough.Directives.Review;

/// <summary>
/// A clerk's change to one candidate. Null fields are left as they are, except that the units, the deadline and
/// the plan item are always taken as sent when <see cref="Assignment"/> is true (so they can be cleared).
/// </summary>
internal sealed record CandidateEdit
{
    public CandidateStatus? Status { get; init; }

    public string? Text { get; init; }

    public bool Assignment { get; init; }

    public int? LeadUnitId { get; init; }

    public IReadOnlyList<int> PartnerUnitIds { get; init; } = [];

    public DateOnly? Deadline { get; init; }

    public int? PlanItemId { get; init; }
}
