using Followthrough.Plans.Files;

namespace Followthrough.Tests.Plans;

/// <summary>
/// A small valid plan file that tests change one cell at a time: a municipal plan with two chapters (one implementing
/// an item of the demo's Liaoning plan), two indicators (one a range, reported quarterly) and three values.
/// </summary>
internal sealed class TestPlanFile
{
    public TestPlanFile(string code)
    {
        Code = code;
        Plan = new() { ["code"] = code, ["name_zh"] = "测试规划", ["name_en"] = "Test plan", ["level"] = "municipal", ["owner_unit"] = "DL-DRC", ["start_year"] = "2021", ["end_year"] = "2025", ["vision_year"] = "2035", ["status"] = "in-force" };
        Items =
        [
            new() { ["code"] = "C1", ["kind"] = "chapter", ["text_zh"] = "科技创新", ["text_en"] = "Innovation", ["lead_unit"] = "DL-STB", ["co_units"] = "DL-IIT; 市人社局" },
            new() { ["code"] = "C1.1", ["parent"] = "C1", ["kind"] = "section", ["text_zh"] = "建设科学城", ["text_en"] = "Build the science city", ["lead_unit"] = "市科技局", ["implements"] = "LN-14FYP:C1.1" },
            new() { ["code"] = "C1.1.1", ["parent"] = "C1.1", ["kind"] = "key-task", ["text_zh"] = "建设创新平台", ["lead_unit"] = "DICP", ["weight"] = "2" },
            new() { ["code"] = "C2", ["kind"] = "chapter", ["text_zh"] = "民生", ["text_en"] = "Livelihood", ["lead_unit"] = "DL-HRS" },
        ];
        Indicators =
        [
            new() { ["code"] = "RD", ["item"] = "C1", ["name_zh"] = "研发投入强度", ["name_en"] = "R&D intensity", ["measure_zh"] = "%", ["measure_en"] = "%", ["category"] = "innovation", ["nature"] = "expected", ["direction"] = "higher-is-better", ["baseline_year"] = "2020", ["baseline_value"] = "2.9", ["yearly_targets"] = "2021:3; 2022:3.1", ["period_target"] = "3.3", ["reporting_unit"] = "DL-STB", ["frequency"] = "yearly", ["illustrative"] = "yes" },
            new() { ["code"] = "UNEMP", ["item"] = "C2", ["name_zh"] = "城镇登记失业率", ["measure_zh"] = "%", ["category"] = "livelihood", ["nature"] = "expected", ["direction"] = "within-range", ["baseline_year"] = "2020", ["baseline_value"] = "3", ["period_target"] = "0", ["period_target_upper"] = "4.5", ["reporting_unit"] = "DL-HRS", ["frequency"] = "quarterly" },
        ];
        Values =
        [
            new() { ["indicator"] = "RD", ["period"] = "2021", ["value"] = "3", ["measure"] = "%" },
            new() { ["indicator"] = "RD", ["period"] = "2022", ["value"] = "3.05", ["note"] = "统计公报" },
            new() { ["indicator"] = "UNEMP", ["period"] = "2021-Q1", ["value"] = "3.2" },
        ];
    }

    public string Code { get; }

    public Dictionary<string, string> Plan { get; }

    public List<Dictionary<string, string>> Items { get; }

    public List<Dictionary<string, string>> Indicators { get; }

    public List<Dictionary<string, string>> Values { get; }

    public List<SheetTable> Tables(bool chinese = false)
    {
        SheetTable Table(FileSheet sheet, IEnumerable<Dictionary<string, string>> rows)
        {
            var table = new SheetTable(sheet.Name(chinese));
            var columns = sheet.Columns.Where(c => !c.ExportOnly).ToList();
            table.Rows.Add(new SheetRow(1, [.. columns.Select(c => c.Header(chinese))]));
            foreach (var row in rows)
            {
                table.Rows.Add(new SheetRow(table.Rows.Count + 1, [.. columns.Select(c => row.GetValueOrDefault(c.Key, string.Empty))]));
            }

            return table;
        }

        return [Table(PlanFileLayout.Plan, [Plan]), Table(PlanFileLayout.Items, Items), Table(PlanFileLayout.Indicators, Indicators), Table(PlanFileLayout.Values, Values)];
    }

    public byte[] Csv(bool chinese = false) => Write(PlanFileFormat.Csv, chinese);

    public byte[] Xlsx(bool chinese = false) => Write(PlanFileFormat.Xlsx, chinese);

    /// <summary>The CSV line of a data row: each sheet has its [name] line, a header, its rows and a blank line.</summary>
    public int CsvLine(string sheet, int index)
    {
        var line = 1;
        foreach (var (name, count) in new[] { ("Plan", 1), ("Items", Items.Count), ("Indicators", Indicators.Count), ("Values", Values.Count) })
        {
            if (name == sheet)
            {
                return line + 2 + index;
            }

            line += 2 + count + 1;
        }

        throw new ArgumentException(sheet, nameof(sheet));
    }

    private byte[] Write(PlanFileFormat format, bool chinese)
    {
        using var buffer = new MemoryStream();
        PlanExporter.WriteAsync(Tables(chinese), format, buffer).GetAwaiter().GetResult();
        return buffer.ToArray();
    }
}
