namespace Followthrough.Plans;

/// <summary>
/// The English labels of the plan's choices as pages show them; they are the keys of PlansText.zh-Hans.resx, which
/// gives the Chinese. (Files use <see cref="PlanVocabulary"/> instead, whose words are made for typing.)
/// </summary>
public static class PlanLabels
{
    public static string Of(PlanLevel level) => level switch
    {
        PlanLevel.National => "National",
        PlanLevel.Provincial => "Provincial",
        PlanLevel.Municipal => "Municipal",
        _ => "District",
    };

    public static string Of(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Draft",
        PlanStatus.InForce => "In force",
        _ => "Archived",
    };

    public static string Of(PlanItemKind kind) => kind switch
    {
        PlanItemKind.Chapter => "Chapter",
        PlanItemKind.Section => "Section",
        PlanItemKind.Goal => "Goal",
        PlanItemKind.KeyTask => "Key task",
        _ => "Measure",
    };

    public static string Of(IndicatorCategory category) => category switch
    {
        IndicatorCategory.Economy => "Economy",
        IndicatorCategory.Innovation => "Innovation",
        IndicatorCategory.Reform => "Reform and business environment",
        IndicatorCategory.Green => "Green development",
        IndicatorCategory.OpeningUp => "Opening-up",
        IndicatorCategory.Livelihood => "Livelihood",
        _ => "Security",
    };

    public static string Of(IndicatorNature nature) => nature == IndicatorNature.Binding ? "Binding" : "Expected";

    public static string Of(IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.HigherIsBetter => "Higher is better",
        IndicatorDirection.LowerIsBetter => "Lower is better",
        _ => "Keep within a range",
    };

    public static string Of(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Yearly => "Yearly",
        ReportingFrequency.Quarterly => "Quarterly",
        _ => "Monthly",
    };

    public static string Of(IndicatorStatus status) => status switch
    {
        IndicatorStatus.OnTrack => "On track",
        IndicatorStatus.AtRisk => "At risk",
        IndicatorStatus.OffTrack => "Off track",
        _ => "No data",
    };

    public static string Of(ExpectationBasis basis) => basis switch
    {
        ExpectationBasis.YearlyTarget => "the yearly target for that year",
        ExpectationBasis.Path => "the straight path to the period target",
        _ => "the target range",
    };

    /// <summary>How a value arrived, as the values table says it.</summary>
    public static string Source(string source) => source switch
    {
        "form" => "entered in a form",
        "api" => "sent through the API",
        "import" => "imported from a file",
        "demo" => "demo data",
        _ => source,
    };

    /// <summary>A CSS class for a status (the label is always shown too: colour is never the only signal).</summary>
    public static string CssClass(IndicatorStatus? status) => status switch
    {
        IndicatorStatus.OnTrack => "status status-on-track",
        IndicatorStatus.AtRisk => "status status-at-risk",
        IndicatorStatus.OffTrack => "status status-off-track",
        IndicatorStatus.NoData => "status status-no-data",
        _ => "status",
    };

    /// <summary>"2.85", "1,231", "-3": numbers as pages show them, with thousands separators and no trailing zeros.</summary>
    public static string Number(decimal? value) =>
        value is { } v ? v.ToString("#,##0.############", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Percent(decimal? share) =>
        share is { } s ? (s * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
