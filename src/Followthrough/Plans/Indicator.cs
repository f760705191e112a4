using Followthrough.Storage;

namespace Followthrough.Plans;

/// <summary>
/// A measured target of a plan (规划指标): where it started (the baseline), where it should be at the end of the
/// period, optionally each year and by the vision year, and who reports the actual values how often.
/// For <see cref="IndicatorDirection.WithinRange"/> indicators a target is a range: the value is the lower bound and
/// the matching <c>...Upper</c> field the upper bound.
/// </summary>
internal sealed class Indicator : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>The plan item the indicator measures.</summary>
    public int PlanItemId { get; set; }

    /// <summary>Stable code, unique within the plan, used by import and export.</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public string NameEn { get; set; } = string.Empty;

    /// <summary>Unit of measure in Chinese (e.g. %, 天, 个).</summary>
    public required string MeasureZh { get; set; }

    /// <summary>Unit of measure in English (e.g. %, days, items).</summary>
    public string MeasureEn { get; set; } = string.Empty;

    public IndicatorCategory Category { get; set; }

    public IndicatorNature Nature { get; set; }

    public IndicatorDirection Direction { get; set; }

    public int BaselineYear { get; set; }

    public decimal BaselineValue { get; set; }

    /// <summary>The target for the end of the plan period (the lower bound of a range).</summary>
    public decimal PeriodTarget { get; set; }

    public decimal? PeriodTargetUpper { get; set; }

    public decimal? VisionTarget { get; set; }

    public decimal? VisionTargetUpper { get; set; }

    /// <summary>The unit that reports actual values; its staff (or the supervision office) record them.</summary>
    public int ReportingUnitId { get; set; }

    public ReportingFrequency Frequency { get; set; }

    /// <summary>True when the targets are examples made up for a demonstration, not given by the plan's sources.</summary>
    public bool IsIllustrative { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string DisplayName(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn;

    public string DisplayMeasure(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(MeasureEn) ? MeasureZh : MeasureEn;

    /// <summary>Whether a text names this indicator's unit of measure, in either language (case and spaces ignored).</summary>
    public bool IsMeasuredIn(string measure) =>
        string.Equals(measure.Trim(), MeasureZh.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(measure.Trim(), MeasureEn.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The target for one year of the plan (the lower bound of a range, with <see cref="UpperValue"/>).</summary>
internal sealed class IndicatorTarget
{
    public int IndicatorId { get; set; }

    public int Year { get; set; }

    public decimal Value { get; set; }

    public decimal? UpperValue { get; set; }
}
