namespace Followthrough.Plans.Files;

/// <summary>What values are checked against: an indicator's facts as far as they could be read (null where its row has a problem).</summary>
internal sealed record IndicatorFacts(int? Id, ReportingFrequency? Frequency, int? BaselineYear, string? MeasureZh, string? MeasureEn, int? ReportingUnitId);

/// <summary>
/// Checks the Values sheet: each value belongs to an indicator of the file or on record, in a period of the plan after
/// the baseline that has begun, once per period, in the indicator's unit of measure, and recorded by someone who may
/// record for its reporting unit.
/// </summary>
internal sealed class ValueSheetCheck(CellReader cells, UnitDirectory units, ExistingPlan existing, Func<int, bool> mayRecordFor, DateOnly today)
{
    public List<ValueDraft> Check(MappedSheet sheet, PlanDraft? plan, IReadOnlyDictionary<string, IndicatorFacts> fileIndicators)
    {
        var known = new Dictionary<string, IndicatorFacts>(StringComparer.Ordinal);
        foreach (var (code, indicator) in existing.Indicators)
        {
            known[code] = new IndicatorFacts(indicator.Id, indicator.Frequency, indicator.BaselineYear, indicator.MeasureZh, indicator.MeasureEn, indicator.ReportingUnitId);
        }

        foreach (var (code, facts) in fileIndicators)
        {
            known[code] = facts;
        }

        var drafts = new List<ValueDraft>();
        var firstRow = new Dictionary<(string, ReportingPeriod), int>();
        foreach (var row in sheet.Rows)
        {
            var before = cells.Count;
            var code = PlanChecks.NormalizeCode(sheet.Cell(row, "indicator"));
            var periodText = sheet.Cell(row, "period");
            var value = cells.Number(sheet, row, "value", required: true);
            var note = cells.Text(sheet, row, "note", PlanChecks.MaxNoteLength) ?? string.Empty;
            if (code.Length == 0 || !known.TryGetValue(code, out var indicator))
            {
                cells.Add(sheet, row.Number, "indicator", code.Length == 0 ? "The indicator code is required." : $"'{code}' is not an indicator of this plan (neither in the file nor on record).");
                continue;
            }

            if (indicator.Frequency is not { } frequency || indicator.BaselineYear is not { } baselineYear)
            {
                // The indicator's own row has a problem with these; its values are checked once it is fixed.
                continue;
            }

            if (!ReportingPeriod.TryParse(periodText, frequency, out var period, out var periodProblem))
            {
                cells.Add(sheet, row.Number, "period", periodProblem!);
            }
            else if (plan is not null && (period.Year < plan.StartYear || period.Year > plan.EndYear))
            {
                cells.Add(sheet, row.Number, "period", $"The period {period} is outside the plan ({plan.StartYear}–{plan.EndYear}).");
            }
            else if (period.Year <= baselineYear)
            {
                cells.Add(sheet, row.Number, "period", $"The period {period} is not after the baseline year {baselineYear}.");
            }
            else if (period.Previous().EndDate.AddDays(1) > today)
            {
                cells.Add(sheet, row.Number, "period", $"The period {period} has not begun yet.");
            }
            else if (!firstRow.TryAdd((code, period), row.Number))
            {
                cells.Add(sheet, row.Number, "period", $"'{code}' has more than one value for {period} (first on row {firstRow[(code, period)]}).");
            }

            var measure = sheet.Cell(row, "measure");
            if (measure.Length > 0 && indicator.MeasureZh is not null
                && !string.Equals(measure, indicator.MeasureZh, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(measure, indicator.MeasureEn, StringComparison.OrdinalIgnoreCase))
            {
                cells.Add(sheet, row.Number, "measure", $"Unit of measure mismatch: '{measure}' is not the unit of '{code}' ({indicator.MeasureZh}{(string.IsNullOrEmpty(indicator.MeasureEn) ? string.Empty : $" / {indicator.MeasureEn}")}).");
            }

            if (cells.Count != before || value is null)
            {
                continue;
            }

            var changes = indicator.Id is not { } id
                || !existing.Figures.TryGetValue((id, period.Year, period.SubPeriod), out var figure)
                || figure.Value != value || figure.Note != note;
            if (changes && indicator.ReportingUnitId is { } reportingUnit && !mayRecordFor(reportingUnit))
            {
                cells.Add(sheet, row.Number, "value", $"Only the reporting unit ({units.CodeOf(reportingUnit)}) or the supervision office may record values of '{code}'.");
                continue;
            }

            drafts.Add(new ValueDraft(row.Number, code, period, value.Value, note));
        }

        return drafts;
    }}
