using Followthrough.Storage;

namespace Followthrough.Needs;

/// <summary>
/// An enterprise's need (企业诉求): what it asks, who is responsible for it now (首接负责: the first unit to receive it,
/// until it hands it on), who answers it (the lead unit, with co-units), by when, the answer and the enterprise's callback.
/// </summary>
internal sealed class EnterpriseNeed : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public NeedCategory Category { get; set; }

    public required string Title { get; set; }

    public required string Details { get; set; }

    /// <summary>The enterprise agrees that the need and its answer may be published without its name.</summary>
    public bool PublishConsent { get; set; }

    public NeedChannel Channel { get; set; }

    /// <summary>The enterprise account's person (Organization) the need belongs to; only they see it among enterprises.</summary>
    public int EnterprisePersonId { get; set; }

    /// <summary>The enterprise's name when filed (its organization, or the person's name).</summary>
    public required string EnterpriseName { get; set; }

    /// <summary>Who filed or recorded it.</summary>
    public int? RecordedById { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>The unit that received it first.</summary>
    public int FirstUnitId { get; set; }

    /// <summary>The unit responsible for it now (首接负责); after a reopening, the supervision office's.</summary>
    public int ResponsibleUnitId { get; set; }

    /// <summary>The unit that answers it, once dispatched.</summary>
    public int? LeadUnitId { get; set; }

    /// <summary>The unit whose move it is now (responsible, lead, or responsible for the callback); null when closed.
    /// A unit's queue reads it.</summary>
    public int? HolderUnitId { get; set; }

    public NeedState State { get; set; }

    /// <summary>Raised to the supervision office after a dissatisfied callback.</summary>
    public bool Escalated { get; set; }

    public int LimitDays { get; set; }

    /// <summary>The day the limit counts from (filing, or the reopening), which does not count.</summary>
    public DateOnly ClockFrom { get; set; }

    public DateOnly DueOn { get; set; }

    public string? Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public bool? AnsweredOnTime { get; set; }

    public Satisfaction? Satisfaction { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime FiledAt { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One step taken on a need, written once.</summary>
internal sealed class EnterpriseNeedStep
{
    public int Id { get; set; }

    public int NeedId { get; set; }

    public EnterpriseNeed? Need { get; set; }

    public NeedStep Step { get; set; }

    /// <summary>The state the need was left in.</summary>
    public NeedState State { get; set; }

    /// <summary>The unit the step names: the one it was handed on or dispatched to, or that answered.</summary>
    public int? UnitId { get; set; }

    /// <summary>What the enterprise said, on a callback.</summary>
    public Satisfaction? Satisfaction { get; set; }

    public string? Note { get; set; }

    public DateTime TakenAt { get; set; }

    public int? TakenById { get; set; }

    public required string TakenBy { get; set; }
}

/// <summary>A unit that co-operates on a dispatched need (配合单位).</summary>
internal sealed class EnterpriseNeedCoUnit
{
    public int NeedId { get; set; }

    public int UnitId { get; set; }
}
