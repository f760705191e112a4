namespace Followthrough.Plans;

// What the API reads and writes. Units are named by their codes; items by their codes within the plan; a link to a
// higher-level plan's item as "PLAN:ITEM". Enumerations travel as their names (e.g. "InForce", "KeyTask").

internal sealed record PlanDto(
    int Id,
    string Code,
    string NameZh,
    string NameEn,
    PlanLevel Level,
    string OwnerUnit,
    int StartYear,
    int EndYear,
    int? VisionYear,
    PlanStatus Status,
    int Version);

internal sealed record PlanWrite(
    string? Code,
    string? NameZh,
    string? NameEn,
    PlanLevel? Level,
    string? OwnerUnit,
    int? StartYear,
    int? EndYear,
    int? VisionYear,
    PlanStatus? Status,
    int? Version = null);

internal sealed record ItemDto(
    int Id,
    int PlanId,
    string Code,
    string Number,
    PlanItemKind Kind,
    string? Parent,
    int Position,
    string TextZh,
    string TextEn,
    string? LeadUnit,
    IReadOnlyList<string> CoUnits,
    decimal Weight,
    string? Implements,
    int Version);

internal sealed record ItemWrite(
    string? Code,
    string? Parent,
    PlanItemKind? Kind,
    int? Position,
    string? TextZh,
    string? TextEn,
    string? LeadUnit,
    IReadOnlyList<string>? CoUnits,
    decimal? Weight,
    string? Implements,
    int? Version = null);

internal sealed record YearlyTargetDto(int Year, decimal Value, decimal? Upper = null);

internal sealed record IndicatorDto(
    int Id,
    int PlanId,
    string Code,
    string Item,
    string NameZh,
    string NameEn,
    string MeasureZh,
    string MeasureEn,
    IndicatorCategory Category,
    IndicatorNature Nature,
    IndicatorDirection Direction,
    int BaselineYear,
    decimal BaselineValue,
    IReadOnlyList<YearlyTargetDto> YearlyTargets,
    decimal PeriodTarget,
    decimal? PeriodTargetUpper,
    decimal? VisionTarget,
    decimal? VisionTargetUpper,
    string ReportingUnit,
    ReportingFrequency Frequency,
    bool IsIllustrative,
    int Version,
    IndicatorStatusDto? Status);

public sealed record IndicatorStatusDto(
    IndicatorStatus Status,
    string? LatestPeriod,
    decimal? LatestValue,
    decimal? Expected,
    decimal? ExpectedUpper,
    ExpectationBasis? Basis,
    string? OverduePeriod,
    decimal? Progress)
{
    public static IndicatorStatusDto From(IndicatorAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new(
            assessment.Status,
            assessment.Latest?.Period.ToString(),
            assessment.Latest?.Value,
            assessment.Expected?.Value,
            assessment.Expected?.Upper,
            assessment.Expected?.Basis,
            assessment.Overdue?.ToString(),
            assessment.Progress is { } p ? Math.Round(p, 4) : null);
    }
}

internal sealed record IndicatorWrite(
    string? Code,
    string? Item,
    string? NameZh,
    string? NameEn,
    string? MeasureZh,
    string? MeasureEn,
    IndicatorCategory? Category,
    IndicatorNature? Nature,
    IndicatorDirection? Direction,
    int? BaselineYear,
    decimal? BaselineValue,
    IReadOnlyList<YearlyTargetDto>? YearlyTargets,
    decimal? PeriodTarget,
    decimal? PeriodTargetUpper,
    decimal? VisionTarget,
    decimal? VisionTargetUpper,
    string? ReportingUnit,
    ReportingFrequency? Frequency,
    bool? IsIllustrative,
    int? Version = null);

internal sealed record ValueDto(
    long Id,
    int IndicatorId,
    string Period,
    decimal Value,
    string Note,
    int? EvidenceId,
    long? SupersedesId,
    long? SupersededById,
    bool IsCurrent,
    string ReportedBy,
    DateTime ReportedAt,
    string Source);

/// <summary>A first report for a period: "2023", "2023-Q2" or "2023-05" as the indicator's frequency requires.</summary>
internal sealed record ValueWrite(string? Period, decimal? Value, string? Note, int? EvidenceId);

/// <summary>A correction of a reported value; the reason goes in <see cref="Note"/> and is required.</summary>
internal sealed record CorrectionWrite(decimal? Value, string? Note, int? EvidenceId);

internal sealed record EvidenceDto(int Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAt, string UploadedBy);

public sealed record ItemStatusDto(int Id, string Code, string Number, PlanItemKind Kind, int OnTrack, int AtRisk, int OffTrack, int NoData, decimal? Progress);

public sealed record PlanStatusDto(int PlanId, string Code, DateOnly AsOf, int OnTrack, int AtRisk, int OffTrack, int NoData, decimal? Progress, IReadOnlyList<ItemStatusDto> Chapters);

public sealed record ImportSummaryDto(
    bool Applied,
    int ItemsCreated,
    int ItemsUpdated,
    int IndicatorsCreated,
    int IndicatorsUpdated,
    int ValuesRecorded,
    int? ImportId,
    string PlanCode);

internal sealed record ImportProblemDto(string Sheet, int Row, string Column, string Message);
