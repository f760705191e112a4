using System.Globalization;

namespace Followthrough.Plans.Files;

/// <summary>A higher-level plan that items of the file may implement, with the codes of the items the file names.</summary>
internal sealed record LinkablePlan(string Code, PlanLevel Level, IReadOnlyDictionary<string, int> ItemIds);

/// <summary>
/// Checks a whole plan file before anything is written and reports every problem with its sheet, row and column:
/// unknown units, numbers that are not numbers, parents that do not exist, cycles, duplicate codes, periods outside
/// the plan, units of measure that do not match, and the rest. Only a file without a single problem becomes a draft.
/// </summary>
internal sealed class PlanImportValidator
{
    private readonly List<ImportProblem> _problems = [];
    private readonly UnitDirectory _units;
    private readonly ExistingPlan _existing;
    private readonly IReadOnlyDictionary<string, LinkablePlan> _linkable;
    private readonly Func<int, bool> _mayRecordFor;
    private readonly DateOnly _today;

    /// <summary>What the file says about each indicator code, even on rows with problems, so values are checked against it.</summary>
    private readonly Dictionary<string, IndicatorFacts> _fileIndicators = new(StringComparer.Ordinal);

    public PlanImportValidator(UnitDirectory units, ExistingPlan existing, IReadOnlyDictionary<string, LinkablePlan> linkable, Func<int, bool> mayRecordFor, DateOnly today)
    {
        _units = units;
        _existing = existing;
        _linkable = linkable;
        _mayRecordFor = mayRecordFor;
        _today = today;
    }

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>Finds the sheets of the file by their English or Chinese names and maps their headers.</summary>
    public static (Dictionary<FileSheet, MappedSheet> Sheets, List<ImportProblem> Problems) MapSheets(IEnumerable<SheetTable> tables)
    {
        var sheets = new Dictionary<FileSheet, MappedSheet>();
        var problems = new List<ImportProblem>();
        foreach (var table in tables)
        {
            if (PlanFileLayout.IsInstructions(table.Name))
            {
                continue;
            }

            var layout = PlanFileLayout.SheetNamed(table.Name);
            if (layout is null)
            {
                problems.Add(new(table.Name, 0, string.Empty,
                    $"'{table.Name}' is not a sheet of a plan file (expected {string.Join(", ", PlanFileLayout.Sheets.Select(s => $"{s.English}/{s.Chinese}"))})."));
                continue;
            }

            if (sheets.ContainsKey(layout))
            {
                problems.Add(new(table.Name, 0, string.Empty, $"The file has more than one {layout.English} sheet."));
                continue;
            }

            var rows = table.Rows.Where(r => !r.IsBlank).ToList();
            if (rows.Count == 0)
            {
                sheets[layout] = new MappedSheet(layout, table.Name, new Dictionary<string, int>(), new Dictionary<string, string>(), []);
                continue;
            }

            var header = rows[0];
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Cells.Count; i++)
            {
                var text = header.Cells[i].Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                var column = PlanFileLayout.ColumnNamed(layout, text);
                if (column is null)
                {
                    problems.Add(new(table.Name, header.Number, text, $"'{text}' is not a column of the {layout.English} sheet."));
                }
                else if (!columns.TryAdd(column.Key, i))
                {
                    problems.Add(new(table.Name, header.Number, text, $"The column {column.Key} appears more than once."));
                }
                else
                {
                    headers[column.Key] = text;
                }
            }

            foreach (var missing in layout.Columns.Where(c => c.Required && !columns.ContainsKey(c.Key)))
            {
                problems.Add(new(table.Name, header.Number, missing.Key, $"The required column {missing.Key} ({missing.Chinese}) is missing."));
            }

            sheets[layout] = new MappedSheet(layout, table.Name, columns, headers, rows.Skip(1).ToList());
        }

        if (!sheets.ContainsKey(PlanFileLayout.Plan))
        {
            problems.Add(new(PlanFileLayout.Plan.English, 0, string.Empty, "The file has no Plan (规划) sheet; it says which plan the file is for."));
        }

        return (sheets, problems);
    }

    public ImportDraft? Validate(Dictionary<FileSheet, MappedSheet> sheets)
    {
        var plan = ValidatePlan(sheets[PlanFileLayout.Plan]);
        var items = sheets.TryGetValue(PlanFileLayout.Items, out var itemSheet) ? ValidateItems(itemSheet, plan) : [];
        var itemKinds = ItemKinds(items);
        var indicators = sheets.TryGetValue(PlanFileLayout.Indicators, out var indicatorSheet)
            ? ValidateIndicators(indicatorSheet, plan, itemKinds)
            : [];
        var values = sheets.TryGetValue(PlanFileLayout.Values, out var valueSheet) ? ValidateValues(valueSheet, plan, indicators) : [];
        return _problems.Count == 0 && plan is not null ? new ImportDraft(plan, items, indicators, values) : null;
    }

    private PlanDraft? ValidatePlan(MappedSheet sheet)
    {
        if (sheet.Rows.Count != 1)
        {
            Add(sheet, sheet.Rows.Count == 0 ? 0 : sheet.Rows[1].Number, string.Empty, "The Plan sheet must have exactly one row under its header.");
            return null;
        }

        var row = sheet.Rows[0];
        var before = _problems.Count;
        var code = Code(sheet, row, "code", "plan");
        var nameZh = Text(sheet, row, "name_zh", PlanChecks.MaxNameLength, required: true);
        var nameEn = Text(sheet, row, "name_en", PlanChecks.MaxNameLength);
        var level = Choice<PlanLevel>(sheet, row, "level");
        var owner = Unit(sheet, row, "owner_unit", required: true);
        var start = Year(sheet, row, "start_year", required: true);
        var end = Year(sheet, row, "end_year", required: true);
        var vision = Year(sheet, row, "vision_year", required: false);
        var status = Choice<PlanStatus>(sheet, row, "status");
        foreach (var (field, message) in PlanEditor.YearProblems(start, end, vision))
        {
            if (start is not null && end is not null)
            {
                Add(sheet, row.Number, field == "visionYear" ? "vision_year" : "end_year", message);
            }
        }

        if (_existing.Plan is { } current && current.Level != level && level is not null && _existing.Items.Values.Any(i => i.ImplementsItemId is not null))
        {
            // Links were checked against the old level; let the plan office change the level through the API instead.
            Add(sheet, row.Number, "level", "The plan's items implement higher-level plans; its level cannot change by import.");
        }

        if (start is { } s && end is { } e && (_existing.MinValueYear < s || _existing.MaxValueYear > e))
        {
            Add(sheet, row.Number, "start_year", $"Values are on record for {_existing.MinValueYear}–{_existing.MaxValueYear}; the plan period must still cover them.");
        }

        return _problems.Count == before
            ? new PlanDraft(code!, nameZh!, nameEn!, level!.Value, owner!.Value, start!.Value, end!.Value, vision, status!.Value)
            : null;
    }

    private List<ItemDraft> ValidateItems(MappedSheet sheet, PlanDraft? plan)
    {
        var drafts = new List<ItemDraft>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, PlanItemKind>(StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(SheetRow Row, string? Code, string? Parent, PlanItemKind? Kind)>();
        foreach (var row in sheet.Rows)
        {
            var code = Code(sheet, row, "code", "item");
            var parent = Optional(sheet, row, "parent") is { Length: > 0 } p ? PlanChecks.NormalizeCode(p) : null;
            var kind = Choice<PlanItemKind>(sheet, row, "kind");
            if (code is not null && !firstRow.TryAdd(code, row.Number))
            {
                Add(sheet, row.Number, "code", $"The code '{code}' appears more than once (first on row {firstRow[code]}).");
                code = null;
            }

            if (code is not null)
            {
                parents[code] = parent;
                if (kind is { } k)
                {
                    kinds[code] = k;
                }
            }

            rows.Add((row, code, parent, kind));
        }

        // The outline after the import: the file's items over the stored ones.
        foreach (var (code, item) in _existing.Items)
        {
            if (!parents.ContainsKey(code))
            {
                parents[code] = item.ParentId is { } parentId ? _existing.Items.Values.FirstOrDefault(i => i.Id == parentId)?.Code : null;
                kinds[code] = item.Kind;
            }
        }

        var inCycle = CycleMembers(parents);
        foreach (var (row, code, parent, kind) in rows)
        {
            var before = _problems.Count;
            if (parent is not null)
            {
                if (!parents.ContainsKey(parent))
                {
                    Add(sheet, row.Number, "parent", $"The parent '{parent}' is not an item of this plan (neither in the file nor on record).");
                }
                else if (code is not null && inCycle.TryGetValue(code, out var path))
                {
                    Add(sheet, row.Number, "parent", $"The item '{code}' would be its own ancestor: {path}.");
                }
                else if (kind is { } k && kinds.TryGetValue(parent, out var parentKind) && PlanChecks.KindProblem(k, parentKind) is { } kindProblem)
                {
                    Add(sheet, row.Number, "kind", kindProblem);
                }
            }

            var order = Integer(sheet, row, "order", 0, 1_000_000);
            var textZh = Text(sheet, row, "text_zh", PlanChecks.MaxTextLength, required: true);
            var textEn = Text(sheet, row, "text_en", PlanChecks.MaxTextLength);
            var lead = Optional(sheet, row, "lead_unit") is { Length: > 0 } ? Unit(sheet, row, "lead_unit", required: false) : null;
            var partners = new SortedSet<int>();
            foreach (var name in SplitList(Optional(sheet, row, "co_units")))
            {
                var unit = _units.Resolve(name, out var problem);
                if (unit is null)
                {
                    Add(sheet, row.Number, "co_units", problem!);
                }
                else if (unit.Id != lead)
                {
                    partners.Add(unit.Id);
                }
            }

            var weight = Number(sheet, row, "weight", required: false) ?? 1m;
            if (weight < 0 || weight > PlanChecks.MaxWeight)
            {
                Add(sheet, row.Number, "weight", $"The weight must be between 0 and {PlanChecks.MaxWeight}.");
            }

            var implements = Implements(sheet, row, plan);
            if (_problems.Count != before || code is null || kind is null)
            {
                continue;
            }

            var siblingKey = parent ?? string.Empty;
            var position = order ?? positions.GetValueOrDefault(siblingKey) + 1;
            positions[siblingKey] = Math.Max(positions.GetValueOrDefault(siblingKey), position);
            drafts.Add(new ItemDraft(row.Number, code, parent, kind.Value, position, textZh!, textEn!, lead, partners, weight, implements));
        }

        return drafts;
    }

    private List<IndicatorDraft> ValidateIndicators(MappedSheet sheet, PlanDraft? plan, Dictionary<string, PlanItemKind> items)
    {
        var drafts = new List<IndicatorDraft>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var before = _problems.Count;
            var code = Code(sheet, row, "code", "indicator");
            if (code is not null && !firstRow.TryAdd(code, row.Number))
            {
                Add(sheet, row.Number, "code", $"The code '{code}' appears more than once (first on row {firstRow[code]}).");
            }

            var item = PlanChecks.NormalizeCode(Optional(sheet, row, "item"));
            if (item.Length == 0)
            {
                Add(sheet, row.Number, "item", "The plan item the indicator measures is required.");
            }
            else if (!items.ContainsKey(item))
            {
                Add(sheet, row.Number, "item", $"'{item}' is not an item of this plan (neither in the file nor on record).");
            }

            var nameZh = Text(sheet, row, "name_zh", PlanChecks.MaxNameLength, required: true);
            var nameEn = Text(sheet, row, "name_en", PlanChecks.MaxNameLength);
            var measureZh = Text(sheet, row, "measure_zh", PlanChecks.MaxMeasureLength, required: true);
            var measureEn = Text(sheet, row, "measure_en", PlanChecks.MaxMeasureLength);
            var category = Choice<IndicatorCategory>(sheet, row, "category");
            var nature = Choice<IndicatorNature>(sheet, row, "nature");
            var direction = Choice<IndicatorDirection>(sheet, row, "direction");
            var baselineYear = Year(sheet, row, "baseline_year", required: true);
            if (baselineYear is { } by && plan is not null && (by > plan.StartYear || by < plan.StartYear - 10))
            {
                Add(sheet, row.Number, "baseline_year", $"The baseline year {by} must be at most 10 years before the plan and not after its first year ({plan.StartYear}).");
            }

            var baselineValue = Number(sheet, row, "baseline_value", required: true);
            var periodTarget = Number(sheet, row, "period_target", required: true);
            var periodUpper = Number(sheet, row, "period_target_upper", required: false);
            var visionTarget = Number(sheet, row, "vision_target", required: false);
            var visionUpper = Number(sheet, row, "vision_target_upper", required: false);
            if (direction is { } d)
            {
                if (periodTarget is not null && PlanChecks.TargetProblem(d, periodTarget, periodUpper, "period target") is { } periodProblem)
                {
                    Add(sheet, row.Number, "period_target_upper", periodProblem);
                }

                if (PlanChecks.TargetProblem(d, visionTarget, visionUpper, "vision target") is { } visionProblem)
                {
                    Add(sheet, row.Number, "vision_target_upper", visionProblem);
                }
            }

            IReadOnlyDictionary<int, TargetValue> targets = new SortedDictionary<int, TargetValue>();
            if (!PlanChecks.TryReadYearlyTargets(Optional(sheet, row, "yearly_targets"), out var parsed, out var targetProblem))
            {
                Add(sheet, row.Number, "yearly_targets", targetProblem!);
            }
            else
            {
                targets = parsed;
                foreach (var (year, target) in parsed)
                {
                    if (plan is not null && (year < plan.StartYear || year > plan.EndYear))
                    {
                        Add(sheet, row.Number, "yearly_targets", $"The target year {year} is outside the plan ({plan.StartYear}–{plan.EndYear}).");
                    }
                    else if (direction is { } dir && PlanChecks.TargetProblem(dir, target.Value, target.Upper, $"target for {year}") is { } problem)
                    {
                        Add(sheet, row.Number, "yearly_targets", problem);
                    }
                }
            }

            var reporting = Unit(sheet, row, "reporting_unit", required: true);
            var frequency = Choice<ReportingFrequency>(sheet, row, "frequency");
            var illustrativeText = Optional(sheet, row, "illustrative");
            if (!PlanVocabulary.TryReadYesNo(illustrativeText, out var illustrative))
            {
                Add(sheet, row.Number, "illustrative", $"'{illustrativeText}' is not yes or no (是/否).");
            }

            if (code is not null)
            {
                _fileIndicators.TryAdd(code, new IndicatorFacts(
                    _existing.Indicators.TryGetValue(code, out var stored) ? stored.Id : null, frequency, baselineYear, measureZh, measureEn, reporting));
            }

            if (code is not null && _existing.Indicators.TryGetValue(code, out var current) && _existing.IndicatorsWithValues.Contains(current.Id))
            {
                if (measureZh is not null && (measureZh != current.MeasureZh || (measureEn ?? string.Empty) != current.MeasureEn))
                {
                    Add(sheet, row.Number, "measure_zh",
                        $"Unit of measure mismatch: values of '{code}' are on record in '{current.MeasureZh}'{(current.MeasureEn.Length > 0 ? $" ({current.MeasureEn})" : string.Empty)}; the unit cannot change.");
                }

                if (frequency is { } f && f != current.Frequency)
                {
                    Add(sheet, row.Number, "frequency", $"Values of '{code}' are on record {PlanVocabulary.Word(current.Frequency)}; the frequency cannot change.");
                }
            }

            if (_problems.Count == before)
            {
                drafts.Add(new IndicatorDraft(row.Number, code!, item, nameZh!, nameEn!, measureZh!, measureEn!, category!.Value, nature!.Value, direction!.Value,
                    baselineYear!.Value, baselineValue!.Value, targets, periodTarget!.Value, periodUpper, visionTarget, visionUpper, reporting!.Value, frequency!.Value, illustrative));
            }
        }

        return drafts;
    }

    private List<ValueDraft> ValidateValues(MappedSheet sheet, PlanDraft? plan, IReadOnlyList<IndicatorDraft> fileIndicators)
    {
        var known = new Dictionary<string, IndicatorFacts>(StringComparer.Ordinal);
        foreach (var (code, indicator) in _existing.Indicators)
        {
            known[code] = new IndicatorFacts(indicator.Id, indicator.Frequency, indicator.BaselineYear, indicator.MeasureZh, indicator.MeasureEn, indicator.ReportingUnitId);
        }

        foreach (var (code, facts) in _fileIndicators)
        {
            known[code] = facts;
        }

        var drafts = new List<ValueDraft>();
        var firstRow = new Dictionary<(string, ReportingPeriod), int>();
        foreach (var row in sheet.Rows)
        {
            var before = _problems.Count;
            var code = PlanChecks.NormalizeCode(Optional(sheet, row, "indicator"));
            var periodText = Optional(sheet, row, "period");
            var value = Number(sheet, row, "value", required: true);
            var note = Text(sheet, row, "note", PlanChecks.MaxNoteLength) ?? string.Empty;
            if (code.Length == 0 || !known.TryGetValue(code, out var indicator))
            {
                Add(sheet, row.Number, "indicator", code.Length == 0 ? "The indicator code is required." : $"'{code}' is not an indicator of this plan (neither in the file nor on record).");
                continue;
            }

            if (indicator.Frequency is not { } frequency || indicator.BaselineYear is not { } baselineYear)
            {
                // The indicator's own row has a problem with these; its values are checked once it is fixed.
                continue;
            }

            if (!ReportingPeriod.TryParse(periodText, frequency, out var period, out var periodProblem))
            {
                Add(sheet, row.Number, "period", periodProblem!);
            }
            else if (plan is not null && (period.Year < plan.StartYear || period.Year > plan.EndYear))
            {
                Add(sheet, row.Number, "period", $"The period {period} is outside the plan ({plan.StartYear}–{plan.EndYear}).");
            }
            else if (period.Year <= baselineYear)
            {
                Add(sheet, row.Number, "period", $"The period {period} is not after the baseline year {baselineYear}.");
            }
            else if (period.Previous().EndDate.AddDays(1) > _today)
            {
                Add(sheet, row.Number, "period", $"The period {period} has not begun yet.");
            }
            else if (!firstRow.TryAdd((code, period), row.Number))
            {
                Add(sheet, row.Number, "period", $"'{code}' has more than one value for {period} (first on row {firstRow[(code, period)]}).");
            }

            var measure = Optional(sheet, row, "measure");
            if (measure.Length > 0 && indicator.MeasureZh is not null
                && !string.Equals(measure, indicator.MeasureZh, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(measure, indicator.MeasureEn, StringComparison.OrdinalIgnoreCase))
            {
                Add(sheet, row.Number, "measure", $"Unit of measure mismatch: '{measure}' is not the unit of '{code}' ({indicator.MeasureZh}{(string.IsNullOrEmpty(indicator.MeasureEn) ? string.Empty : $" / {indicator.MeasureEn}")}).");
            }

            if (_problems.Count != before || value is null)
            {
                continue;
            }

            var changes = indicator.Id is not { } id
                || !_existing.Figures.TryGetValue((id, period.Year, period.SubPeriod), out var figure)
                || figure.Value != value || figure.Note != note;
            if (changes && indicator.ReportingUnitId is { } reportingUnit && !_mayRecordFor(reportingUnit))
            {
                Add(sheet, row.Number, "value", $"Only the reporting unit ({_units.CodeOf(reportingUnit)}) or the supervision office may record values of '{code}'.");
                continue;
            }

            drafts.Add(new ValueDraft(row.Number, code, period, value.Value, note));
        }

        return drafts;
    }

    /// <summary>The kind of every item after the import, by code.</summary>
    private Dictionary<string, PlanItemKind> ItemKinds(IReadOnlyList<ItemDraft> items)
    {
        var kinds = _existing.Items.ToDictionary(i => i.Key, i => i.Value.Kind, StringComparer.Ordinal);
        foreach (var item in items)
        {
            kinds[item.Code] = item.Kind;
        }

        return kinds;
    }

    /// <summary>Every code that lies on a loop of parents, with the loop written out ("A → B → A").</summary>
    private static Dictionary<string, string> CycleMembers(Dictionary<string, string?> parents)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in parents.Keys)
        {
            var path = new List<string>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            string? at = start;
            while (at is not null && !done.Contains(at) && parents.ContainsKey(at))
            {
                if (onPath.TryGetValue(at, out var index))
                {
                    var loop = path.Skip(index).ToList();
                    var text = string.Join(" → ", loop.Append(loop[0]));
                    foreach (var member in loop)
                    {
                        result[member] = text;
                    }

                    break;
                }

                onPath[at] = path.Count;
                path.Add(at);
                at = parents[at];
            }

            done.UnionWith(path);
        }

        return result;
    }

    private int? Implements(MappedSheet sheet, SheetRow row, PlanDraft? plan)
    {
        var text = Optional(sheet, row, "implements");
        if (text.Length == 0)
        {
            return null;
        }

        var parts = text.Split([':', '：'], 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            Add(sheet, row.Number, "implements", $"'{text}' does not name a higher-level plan's item (write PLAN:ITEM, e.g. LN-14FYP:C2.1).");
            return null;
        }

        var planCode = PlanChecks.NormalizeCode(parts[0]);
        var itemCode = PlanChecks.NormalizeCode(parts[1]);
        if (!_linkable.TryGetValue(planCode, out var target))
        {
            Add(sheet, row.Number, "implements", $"The plan '{planCode}' does not exist.");
            return null;
        }

        if (plan is not null && !PlanChecks.CanImplement(plan.Level, target.Level))
        {
            Add(sheet, row.Number, "implements",
                $"The plan '{planCode}' is not at a higher level than this {PlanVocabulary.Word(plan.Level)} plan; items implement higher-level plans only.");
            return null;
        }

        if (!target.ItemIds.TryGetValue(itemCode, out var id))
        {
            Add(sheet, row.Number, "implements", $"The plan '{planCode}' has no item '{itemCode}'.");
            return null;
        }

        return id;
    }

    private string? Code(MappedSheet sheet, SheetRow row, string column, string what)
    {
        var code = PlanChecks.NormalizeCode(Optional(sheet, row, column));
        if (PlanChecks.CodeProblem(code, what) is { } problem)
        {
            Add(sheet, row.Number, column, problem);
            return null;
        }

        return code;
    }

    private string? Text(MappedSheet sheet, SheetRow row, string column, int maxLength, bool required = false)
    {
        var text = Optional(sheet, row, column);
        if (required && text.Length == 0)
        {
            Add(sheet, row.Number, column, $"{column} is required.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(sheet, row.Number, column, $"{column} must be at most {maxLength} characters (it has {text.Length}).");
            return null;
        }

        return text;
    }

    private TEnum? Choice<TEnum>(MappedSheet sheet, SheetRow row, string column) where TEnum : struct, Enum
    {
        var text = Optional(sheet, row, column);
        if (PlanVocabulary.TryRead<TEnum>(text, out var value))
        {
            return value;
        }

        Add(sheet, row.Number, column, text.Length == 0
            ? $"{column} is required: {PlanVocabulary.Choices<TEnum>()}."
            : $"'{text}' is not a {column}; use one of: {PlanVocabulary.Choices<TEnum>()}.");
        return null;
    }

    private int? Unit(MappedSheet sheet, SheetRow row, string column, bool required)
    {
        var text = Optional(sheet, row, column);
        if (text.Length == 0 && !required)
        {
            return null;
        }

        var unit = _units.Resolve(text, out var problem);
        if (unit is null)
        {
            Add(sheet, row.Number, column, problem!);
        }

        return unit?.Id;
    }

    private decimal? Number(MappedSheet sheet, SheetRow row, string column, bool required)
    {
        var text = Optional(sheet, row, column);
        if (text.Length == 0)
        {
            if (required)
            {
                Add(sheet, row.Number, column, $"{column} is required.");
            }

            return null;
        }

        if (!PlanChecks.TryReadNumber(text, out var value))
        {
            Add(sheet, row.Number, column, $"'{text}' is not a number.");
            return null;
        }

        return value;
    }

    private int? Year(MappedSheet sheet, SheetRow row, string column, bool required)
    {
        var value = Integer(sheet, row, column, 1949, 2200);
        if (value is null && required && Optional(sheet, row, column).Length == 0)
        {
            Add(sheet, row.Number, column, $"{column} is required.");
        }

        return value;
    }

    private int? Integer(MappedSheet sheet, SheetRow row, string column, int min, int max)
    {
        var text = Optional(sheet, row, column);
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Add(sheet, row.Number, column, $"'{text}' is not a whole number.");
            return null;
        }

        if (value < min || value > max)
        {
            Add(sheet, row.Number, column, $"{value} is out of range ({min}–{max}).");
            return null;
        }

        return value;
    }

    private static string Optional(MappedSheet sheet, SheetRow row, string column) =>
        sheet.Columns.TryGetValue(column, out var index) ? row[index].Trim() : string.Empty;

    private static string[] SplitList(string text) =>
        text.Split([';', '；', '、', ',', '，', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Add(MappedSheet sheet, int row, string column, string message) =>
        _problems.Add(new ImportProblem(sheet.Name, row, sheet.Headers.GetValueOrDefault(column, column), message));
}

/// <summary>What values are checked against: an indicator's facts as far as they could be read (null where its row has a problem).</summary>
internal sealed record IndicatorFacts(int? Id, ReportingFrequency? Frequency, int? BaselineYear, string? MeasureZh, string? MeasureEn, int? ReportingUnitId);

/// <summary>A sheet of the file matched to its layout: where each known column is, and the data rows.</summary>
internal sealed record MappedSheet(FileSheet Layout, string Name, IReadOnlyDictionary<string, int> Columns, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<SheetRow> Rows);
