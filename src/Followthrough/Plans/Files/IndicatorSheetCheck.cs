namespace Followthrough.Plans.Files;

/// <summary>
/// Checks the Indicators sheet: unique codes, the item each measures, names, units of measure, baseline, targets in the
/// indicator's direction and within the plan, the reporting unit and frequency. An indicator whose values are on record
/// keeps its unit of measure and frequency.
/// </summary>
internal sealed class IndicatorSheetCheck(CellReader cells, ExistingPlan existing)
{
    /// <summary>What the file says about each indicator code, even on rows with problems, so values are checked against it.</summary>
    private readonly Dictionary<string, IndicatorFacts> _fileIndicators = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IndicatorFacts> FileIndicators => _fileIndicators;

    public List<IndicatorDraft> Check(MappedSheet sheet, PlanDraft? plan, Dictionary<string, PlanItemKind> items)
    {
        var drafts = new List<IndicatorDraft>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var before = cells.Count;
            var code = cells.Code(sheet, row, "code", "indicator");
            if (code is not null && !firstRow.TryAdd(code, row.Number))
            {
                cells.Add(sheet, row.Number, "code", $"The code '{code}' appears more than once (first on row {firstRow[code]}).");
            }

            var item = PlanChecks.NormalizeCode(sheet.Cell(row, "item"));
            if (item.Length == 0)
            {
                cells.Add(sheet, row.Number, "item", "The plan item the indicator measures is required.");
            }
            else if (!items.ContainsKey(item))
            {
                cells.Add(sheet, row.Number, "item", $"'{item}' is not an item of this plan (neither in the file nor on record).");
            }

            var nameZh = cells.Text(sheet, row, "name_zh", PlanChecks.MaxNameLength, required: true);
            var nameEn = cells.Text(sheet, row, "name_en", PlanChecks.MaxNameLength);
            var measureZh = cells.Text(sheet, row, "measure_zh", PlanChecks.MaxMeasureLength, required: true);
            var measureEn = cells.Text(sheet, row, "measure_en", PlanChecks.MaxMeasureLength);
            var category = cells.Choice<IndicatorCategory>(sheet, row, "category");
            var nature = cells.Choice<IndicatorNature>(sheet, row, "nature");
            var direction = cells.Choice<IndicatorDirection>(sheet, row, "direction");
            var baselineYear = cells.Year(sheet, row, "baseline_year", required: true);
            if (baselineYear is { } by && plan is not null && (by > plan.StartYear || by < plan.StartYear - 10))
            {
                cells.Add(sheet, row.Number, "baseline_year", $"The baseline year {by} must be at most 10 years before the plan and not after its first year ({plan.StartYear}).");
            }

            var baselineValue = cells.Number(sheet, row, "baseline_value", required: true);
            var periodTarget = cells.Number(sheet, row, "period_target", required: true);
            var periodUpper = cells.Number(sheet, row, "period_target_upper", required: false);
            var visionTarget = cells.Number(sheet, row, "vision_target", required: false);
            var visionUpper = cells.Number(sheet, row, "vision_target_upper", required: false);
            if (direction is { } d)
            {
                if (periodTarget is not null && PlanChecks.TargetProblem(d, periodTarget, periodUpper, "period target") is { } periodProblem)
                {
                    cells.Add(sheet, row.Number, "period_target_upper", periodProblem);
                }

                if (PlanChecks.TargetProblem(d, visionTarget, visionUpper, "vision target") is { } visionProblem)
                {
                    cells.Add(sheet, row.Number, "vision_target_upper", visionProblem);
                }
            }

            IReadOnlyDictionary<int, TargetValue> targets = new SortedDictionary<int, TargetValue>();
            if (!PlanChecks.TryReadYearlyTargets(sheet.Cell(row, "yearly_targets"), out var parsed, out var targetProblem))
            {
                cells.Add(sheet, row.Number, "yearly_targets", targetProblem!);
            }
            else
            {
                targets = parsed;
                foreach (var (year, target) in parsed)
                {
                    if (plan is not null && (year < plan.StartYear || year > plan.EndYear))
                    {
                        cells.Add(sheet, row.Number, "yearly_targets", $"The target year {year} is outside the plan ({plan.StartYear}–{plan.EndYear}).");
                    }
                    else if (direction is { } dir && PlanChecks.TargetProblem(dir, target.Value, target.Upper, $"target for {year}") is { } problem)
                    {
                        cells.Add(sheet, row.Number, "yearly_targets", problem);
                    }
                }
            }

            var reporting = cells.Unit(sheet, row, "reporting_unit", required: true);
            var frequency = cells.Choice<ReportingFrequency>(sheet, row, "frequency");
            var illustrativeText = sheet.Cell(row, "illustrative");
            if (!PlanVocabulary.TryReadYesNo(illustrativeText, out var illustrative))
            {
                cells.Add(sheet, row.Number, "illustrative", $"'{illustrativeText}' is not yes or no (是/否).");
            }

            if (code is not null)
            {
                _fileIndicators.TryAdd(code, new IndicatorFacts(
                    existing.Indicators.TryGetValue(code, out var stored) ? stored.Id : null, frequency, baselineYear, measureZh, measureEn, reporting));
            }

            if (code is not null && existing.Indicators.TryGetValue(code, out var current) && existing.IndicatorsWithValues.Contains(current.Id))
            {
                if (measureZh is not null && (measureZh != current.MeasureZh || (measureEn ?? string.Empty) != current.MeasureEn))
                {
                    cells.Add(sheet, row.Number, "measure_zh",
                        $"Unit of measure mismatch: values of '{code}' are on record in '{current.MeasureZh}'{(current.MeasureEn.Length > 0 ? $" ({current.MeasureEn})" : string.Empty)}; the unit cannot change.");
                }

                if (frequency is { } f && f != current.Frequency)
                {
                    cells.Add(sheet, row.Number, "frequency", $"Values of '{code}' are on record {PlanVocabulary.Word(current.Frequency)}; the frequency cannot change.");
                }
            }

            if (cells.Count == before)
            {
                drafts.Add(new IndicatorDraft(row.Number, code!, item, nameZh!, nameEn!, measureZh!, measureEn!, category!.Value, nature!.Value, direction!.Value,
                    baselineYear!.Value, baselineValue!.Value, targets, periodTarget!.Value, periodUpper, visionTarget, visionUpper, reporting!.Value, frequency!.Value, illustrative));
            }
        }

        return drafts;
    }}
