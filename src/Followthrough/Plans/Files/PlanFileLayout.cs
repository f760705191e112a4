namespace Followthrough.Plans.Files;

/// <summary>One column of a plan file: its English header (the key), its Chinese header and how it is read.</summary>
internal sealed record FileColumn(string Key, string Chinese, string Meaning, bool Required = false, bool Numeric = false, bool ExportOnly = false)
{
    public string Header(bool chinese) => chinese ? Chinese : Key;
}

/// <summary>One sheet of a plan file (a worksheet in Excel, a [section] in CSV).</summary>
internal sealed record FileSheet(string English, string Chinese, IReadOnlyList<FileColumn> Columns)
{
    public string Name(bool chinese) => chinese ? Chinese : English;

    public FileColumn this[string key] => Columns.Single(c => c.Key == key);
}

/// <summary>
/// The layout of plan files, the same for CSV and Excel: a Plan sheet with one row, then Items, Indicators and Values.
/// Headers may be English (the keys below) or Chinese; sheets likewise. Units are named by code, name or alias; items
/// by their code; a link to a higher-level plan's item as PLAN:ITEM.
/// </summary>
internal static class PlanFileLayout
{
    public static readonly FileSheet Plan = new("Plan", "规划",
    [
        new("code", "规划代码", "Stable code of the plan, e.g. DL-14FYP", Required: true),
        new("name_zh", "中文名称", "Name in Chinese", Required: true),
        new("name_en", "英文名称", "Name in English"),
        new("level", "层级", "national, provincial, municipal or district (国家级/省级/市级/区县级)", Required: true),
        new("owner_unit", "编制单位", "Unit that owns the plan (code, name or alias)", Required: true),
        new("start_year", "起始年份", "First year of the period", Required: true, Numeric: true),
        new("end_year", "终止年份", "Last year of the period", Required: true, Numeric: true),
        new("vision_year", "远景年份", "Vision year, e.g. 2035", Numeric: true),
        new("status", "状态", "draft, in-force or archived (草稿/实施中/已归档)", Required: true),
    ]);

    public static readonly FileSheet Items = new("Items", "规划条目",
    [
        new("number", "序号", "Outline number, written on export and ignored on import", ExportOnly: true),
        new("code", "条目代码", "Stable code of the item, unique in the plan", Required: true),
        new("parent", "上级条目", "Code of the parent item; empty for a chapter"),
        new("kind", "类别", "chapter, section, goal, key-task or measure (章/节/目标/重点任务/举措)", Required: true),
        new("order", "排序", "Order among siblings; empty means file order", Numeric: true),
        new("text_zh", "内容（中文）", "Text in Chinese", Required: true),
        new("text_en", "内容（英文）", "Text in English"),
        new("lead_unit", "牵头单位", "Lead unit (code, name or alias)"),
        new("co_units", "配合单位", "Co-operating units, separated by ; or 、"),
        new("weight", "权重", "Weight in the parent's progress; empty means 1", Numeric: true),
        new("implements", "落实上级条目", "Higher-level plan item this item implements, as PLAN:ITEM"),
    ]);

    public static readonly FileSheet Indicators = new("Indicators", "指标",
    [
        new("code", "指标代码", "Stable code of the indicator, unique in the plan", Required: true),
        new("item", "所属条目", "Code of the plan item it measures", Required: true),
        new("name_zh", "指标名称（中文）", "Name in Chinese", Required: true),
        new("name_en", "指标名称（英文）", "Name in English"),
        new("measure_zh", "计量单位（中文）", "Unit of measure in Chinese, e.g. %, 天", Required: true),
        new("measure_en", "计量单位（英文）", "Unit of measure in English, e.g. %, days"),
        new("category", "类别", "economy, innovation, reform, green, opening-up, livelihood or security", Required: true),
        new("nature", "属性", "binding or expected (约束性/预期性)", Required: true),
        new("direction", "方向", "higher-is-better, lower-is-better or within-range (越高越好/越低越好/保持区间)", Required: true),
        new("baseline_year", "基期年份", "Year of the baseline value", Required: true, Numeric: true),
        new("baseline_value", "基期值", "Baseline value", Required: true, Numeric: true),
        new("yearly_targets", "年度目标", "Optional yearly targets: 2022:3.1; 2023:3.2 (a range as 2022:3~4.5)"),
        new("period_target", "规划目标", "Target for the last year of the plan (lower bound of a range)", Required: true, Numeric: true),
        new("period_target_upper", "规划目标上限", "Upper bound, for within-range indicators only", Numeric: true),
        new("vision_target", "远景目标", "Target for the vision year", Numeric: true),
        new("vision_target_upper", "远景目标上限", "Upper bound of the vision target, for within-range indicators only", Numeric: true),
        new("reporting_unit", "报送单位", "Unit that reports actual values (code, name or alias)", Required: true),
        new("frequency", "报送频次", "yearly, quarterly or monthly (年度/季度/月度)", Required: true),
        new("illustrative", "示意目标", "yes when the targets are made up for a demonstration (是/否)"),
    ]);

    public static readonly FileSheet Values = new("Values", "指标数值",
    [
        new("indicator", "指标代码", "Code of the indicator", Required: true),
        new("period", "期间", "2023, 2023-Q2 or 2023-05, as the indicator's frequency requires", Required: true),
        new("value", "数值", "Actual value", Required: true, Numeric: true),
        new("measure", "计量单位", "Unit of measure; when given, it must be the indicator's"),
        new("note", "备注", "Note (for a changed value: why)"),
    ]);

    public static readonly IReadOnlyList<FileSheet> Sheets = [Plan, Items, Indicators, Values];

    /// <summary>The instructions sheet of the template; ignored on import.</summary>
    public static readonly (string English, string Chinese) Instructions = ("Instructions", "填写说明");

    /// <summary>Header and sheet names compare without case, spaces, underscores, hyphens or brackets of either width.</summary>
    public static string Normalize(string? text) =>
        new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '(' or ')' or '（' or '）' or '*' or '[' or ']')).ToArray())
            .ToLowerInvariant();

    public static FileSheet? SheetNamed(string name)
    {
        var key = Normalize(name);
        return Sheets.FirstOrDefault(s => Normalize(s.English) == key || Normalize(s.Chinese) == key);
    }

    public static bool IsInstructions(string name)
    {
        var key = Normalize(name);
        return key == Normalize(Instructions.English) || key == Normalize(Instructions.Chinese);
    }

    public static FileColumn? ColumnNamed(FileSheet sheet, string header)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var key = Normalize(header);
        return sheet.Columns.FirstOrDefault(c => Normalize(c.Key) == key || Normalize(c.Chinese) == key);
    }
}

/// <summary>A sheet as read from or written to a file: a name and rows of text cells, the first row being the header.</summary>
internal sealed class SheetTable(string name)
{
    public string Name { get; } = name;

    public List<SheetRow> Rows { get; } = [];
}

/// <summary>A row with its number in the file (the Excel row number, or the CSV line number).</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int index] => index >= 0 && index < Cells.Count ? Cells[index] : string.Empty;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
