using Followthrough.Storage;

namespace Followthrough.Plans;

/// <summary>
/// One entry in a plan's outline: a chapter, section, goal, key task or measure. Items are ordered among their
/// siblings by <see cref="Position"/>; their number ("3.2.1") follows from that order (see <see cref="PlanOutline"/>).
/// </summary>
internal sealed class PlanItem : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int? ParentId { get; set; }

    /// <summary>Stable code, unique within the plan, used by import and export; never reused for another item.</summary>
    public required string Code { get; set; }

    public PlanItemKind Kind { get; set; }

    /// <summary>Order among siblings; gaps are allowed, the number is the rank.</summary>
    public int Position { get; set; }

    public required string TextZh { get; set; }

    public string TextEn { get; set; } = string.Empty;

    /// <summary>The lead unit (牵头单位) responsible for the item.</summary>
    public int? LeadUnitId { get; set; }

    /// <summary>Weight of this item in its parent's progress; 1 unless the plan office says otherwise.</summary>
    public decimal Weight { get; set; } = 1m;

    /// <summary>The item of a higher-level plan that this item puts into effect (a municipal measure implementing a provincial task).</summary>
    public int? ImplementsItemId { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string DisplayText(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(TextEn) ? TextZh : TextEn;
}

/// <summary>A co-operating unit (配合单位) of a plan item.</summary>
internal sealed class PlanItemPartner
{
    public int PlanItemId { get; set; }

    public int UnitId { get; set; }
}
