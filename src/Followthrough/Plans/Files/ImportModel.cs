namespace Followthrough.Plans.Files;

/// <summary>One thing wrong with an import file: where (sheet, row number, column header) and what.</summary>
public sealed record ImportProblem(string Sheet, int Row, string Column, string Message)
{
    public override string ToString() =>
        Row > 0 ? $"{Sheet}, row {Row}{(Column.Length > 0 ? $", {Column}" : string.Empty)}: {Message}" : $"{Sheet}: {Message}";
}

/// <summary>The plan row of a valid file.</summary>
internal sealed record PlanDraft(
    string Code, string NameZh, string NameEn, PlanLevel Level, int OwnerUnitId, int StartYear, int EndYear, int? VisionYear, PlanStatus Status);

/// <summary>An item row of a valid file, with units and links resolved to ids.</summary>
internal sealed record ItemDraft(
    int Row,
    string Code,
    string? ParentCode,
    PlanItemKind Kind,
    int Position,
    string TextZh,
    string TextEn,
    int? LeadUnitId,
    IReadOnlySet<int> PartnerIds,
    decimal Weight,
    int? ImplementsItemId);

/// <summary>An indicator row of a valid file.</summary>
internal sealed record IndicatorDraft(
    int Row,
    string Code,
    string ItemCode,
    string NameZh,
    string NameEn,
    string MeasureZh,
    string MeasureEn,
    IndicatorCategory Category,
    IndicatorNature Nature,
    IndicatorDirection Direction,
    int BaselineYear,
    decimal BaselineValue,
    IReadOnlyDictionary<int, TargetValue> Targets,
    decimal PeriodTarget,
    decimal? PeriodTargetUpper,
    decimal? VisionTarget,
    decimal? VisionTargetUpper,
    int ReportingUnitId,
    ReportingFrequency Frequency,
    bool IsIllustrative);

/// <summary>A value row of a valid file.</summary>
internal sealed record ValueDraft(int Row, string IndicatorCode, ReportingPeriod Period, decimal Value, string Note);

/// <summary>Everything a valid file says, ready to compare with the database.</summary>
internal sealed record ImportDraft(PlanDraft Plan, IReadOnlyList<ItemDraft> Items, IReadOnlyList<IndicatorDraft> Indicators, IReadOnlyList<ValueDraft> Values);
