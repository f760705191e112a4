namespace Followthrough.Plans;

/// <summary>Turns records into what the API returns.</summary>
internal static class PlanDtoMapper
{
    public static PlanDto ToDto(Plan plan, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(units);
        return new PlanDto(plan.Id, plan.Code, plan.NameZh, plan.NameEn, plan.Level, units.CodeOf(plan.OwnerUnitId),
            plan.StartYear, plan.EndYear, plan.VisionYear, plan.Status, plan.Version);
    }

    public static ItemDto ToDto(PlanItem item, PlanSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ItemDto(
            item.Id,
            item.PlanId,
            item.Code,
            snapshot.Outline.NumberOf(item.Id),
            item.Kind,
            item.ParentId is { } parent && snapshot.Items.TryGetValue(parent, out var p) ? p.Code : null,
            item.Position,
            item.TextZh,
            item.TextEn,
            item.LeadUnitId is null ? null : snapshot.Units.CodeOf(item.LeadUnitId),
            [.. snapshot.PartnersOf(item.Id).Select(u => snapshot.Units.CodeOf(u)).Order(StringComparer.Ordinal)],
            item.Weight,
            item.ImplementsItemId is { } linked && snapshot.Linked.TryGetValue(linked, out var l) ? l.Reference : null,
            item.Version);
    }

    public static IndicatorDto ToDto(Indicator indicator, PlanSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(snapshot);
        return new IndicatorDto(
            indicator.Id,
            indicator.PlanId,
            indicator.Code,
            snapshot.Items.TryGetValue(indicator.PlanItemId, out var item) ? item.Code : string.Empty,
            indicator.NameZh,
            indicator.NameEn,
            indicator.MeasureZh,
            indicator.MeasureEn,
            indicator.Category,
            indicator.Nature,
            indicator.Direction,
            indicator.BaselineYear,
            indicator.BaselineValue,
            [.. snapshot.TargetsOf(indicator.Id).Select(t => new YearlyTargetDto(t.Year, t.Value, t.UpperValue))],
            indicator.PeriodTarget,
            indicator.PeriodTargetUpper,
            indicator.VisionTarget,
            indicator.VisionTargetUpper,
            snapshot.Units.CodeOf(indicator.ReportingUnitId),
            indicator.Frequency,
            indicator.IsIllustrative,
            indicator.Version,
            snapshot.Assessments.TryGetValue(indicator.Id, out var assessment) ? IndicatorStatusDto.From(assessment) : null);
    }

    public static ValueDto ToDto(ValueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var v = entry.Value;
        return new ValueDto(v.Id, v.IndicatorId, entry.Period.ToString(), v.Value, v.Note, v.EvidenceId, v.SupersedesId,
            entry.SupersededById, entry.IsCurrent, v.ReportedByName, v.ReportedAt, v.Source);
    }

    public static EvidenceDto ToDto(IndicatorEvidence file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new EvidenceDto(file.Id, file.FileName, file.ContentType, file.SizeBytes, file.Sha256, file.UploadedAt, file.UploadedByName);
    }

    public static PlanStatusDto ToStatus(PlanSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var totals = snapshot.Totals;
        return new PlanStatusDto(
            snapshot.Plan.Id,
            snapshot.Plan.Code,
            snapshot.Today,
            totals.OnTrack,
            totals.AtRisk,
            totals.OffTrack,
            totals.NoData,
            Round(snapshot.Progress),
            [.. snapshot.Outline.Roots.Select(id =>
            {
                var item = snapshot.Items[id];
                var rollup = snapshot.Rollups[id];
                return new ItemStatusDto(id, item.Code, snapshot.Outline.NumberOf(id), item.Kind,
                    rollup.Total.OnTrack, rollup.Total.AtRisk, rollup.Total.OffTrack, rollup.Total.NoData, Round(rollup.Progress));
            })]);
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4) : null;
}
