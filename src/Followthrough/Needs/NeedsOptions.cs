namespace Followthrough.Needs;

/// <summary>How enterprise needs are handled, configurable under <c>Followthrough:Needs</c>.</summary>
internal sealed class NeedsOptions
{
    public const string Section = "Followthrough:Needs";

    /// <summary>
    /// The time limit of each category in working days (<c>Followthrough:Needs:WorkingDays:&lt;Category&gt;</c>), counted
    /// from filing (and afresh from a reopening), the day itself not counted. The defaults follow the 12345 and
    /// enterprise-needs practice: 3 working days for what is mostly a question or consultation (Other); 5 for a stalled
    /// approval, which one call to the approving unit usually moves; 10 for financing, talent and market access, which
    /// need a bank, a programme or a second unit; 13, the limit for complaints and requests, for policy bottlenecks,
    /// land and infrastructure, which need several units and often a decision.
    /// </summary>
    public Dictionary<NeedCategory, int> WorkingDays { get; set; } = new()
    {
        [NeedCategory.PolicyBottleneck] = 13,
        [NeedCategory.Approvals] = 5,
        [NeedCategory.Financing] = 10,
        [NeedCategory.Land] = 13,
        [NeedCategory.Talent] = 10,
        [NeedCategory.Infrastructure] = 13,
        [NeedCategory.MarketAccess] = 10,
        [NeedCategory.Other] = 3,
    };

    /// <summary>Whose working days count: a calendar region code (Dalian by default).</summary>
    public string CalendarRegion { get; set; } = "CN-LN-DL";

    /// <summary>The code of the supervision office's unit, which becomes responsible for a need reopened after a
    /// dissatisfied callback; when no such unit exists, the responsible unit stays and the need is marked escalated.</summary>
    public string SupervisionOfficeUnit { get; set; } = "DL-SUP";

    /// <summary>The limit of a category: the configured one, 13 when a category is missing or configured below 1.</summary>
    public int DaysFor(NeedCategory category) => WorkingDays.TryGetValue(category, out var days) && days is >= 1 and <= 250 ? days : 13;
}
