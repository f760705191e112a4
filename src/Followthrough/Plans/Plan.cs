using Followthrough.Storage;

namespace Followthrough.Plans;

/// <summary>
/// A development plan (规划) such as a city's 14th Five-Year Plan: a named outline of chapters down to measures, with
/// indicators that say what success looks like by the end of the period and by the vision year.
/// </summary>
internal sealed class Plan : IVersioned, ITimestamped
{
    public int Id { get; set; }

    /// <summary>Stable short code used by import, export and the command line (e.g. <c>DL-14FYP</c>).</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public PlanLevel Level { get; set; }

    /// <summary>The unit that drafts and owns the plan (usually the development and reform commission).</summary>
    public int OwnerUnitId { get; set; }

    /// <summary>First year of the plan period (2021 for the 14th Five-Year Plan).</summary>
    public int StartYear { get; set; }

    /// <summary>Last year of the plan period (2025).</summary>
    public int EndYear { get; set; }

    /// <summary>The long-range year the plan's vision looks to (2035), if any.</summary>
    public int? VisionYear { get; set; }

    public PlanStatus Status { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string DisplayName(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn;
}
