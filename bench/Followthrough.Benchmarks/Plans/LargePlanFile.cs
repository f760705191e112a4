using System.Globalization;
using Followthrough.Plans;
using Followthrough.Plans.Files;

namespace Followthrough.Benchmarks.Plans;

/// <summary>
/// A plan of the size the speed target names: 10,000 items (10 chapters × 9 sections × 10 goals × 10 key tasks) and
/// 5,000 quarterly indicators on key tasks with 20 quarters each (2021–2025): 100,000 values.
/// </summary>
internal static class LargePlanFile
{
    public const int Chapters = 10;
    public const int SectionsPerChapter = 9;
    public const int GoalsPerSection = 10;
    public const int TasksPerGoal = 10;
    /// <summary>Five of every nine key tasks have an indicator: 5,000 indicators.</summary>
    public const int IndicatorsPerNineTasks = 5;

    private static readonly string[] Units = ["DL-DRC", "DL-STB", "DL-IIT", "DL-EEB", "DL-HRS", "DL-BEB", "DL-NRB", "DL-FIN", "DL-MSA"];

    public static List<SheetTable> Tables(string planCode)
    {
        var plan = Table(PlanFileLayout.Plan);
        plan.Rows.Add(new SheetRow(2, [planCode, "大型测试规划", "Large test plan", "municipal", "DL-DRC", "2021", "2025", "2035", "in-force"]));
        var items = Table(PlanFileLayout.Items);
        var indicators = Table(PlanFileLayout.Indicators);
        var values = Table(PlanFileLayout.Values);
        var random = new Random(20210101);
        var taskNumber = 0;
        for (var c = 1; c <= Chapters; c++)
        {
            var chapter = $"C{c}";
            AddItem(items, chapter, string.Empty, "chapter", c, Unit(c));
            for (var s = 1; s <= SectionsPerChapter; s++)
            {
                var section = $"{chapter}.{s}";
                AddItem(items, section, chapter, "section", s, Unit(c + s));
                for (var g = 1; g <= GoalsPerSection; g++)
                {
                    var goal = $"{section}.{g}";
                    AddItem(items, goal, section, "goal", g, Unit(c + s + g));
                    for (var t = 1; t <= TasksPerGoal; t++)
                    {
                        var task = $"{goal}.{t}";
                        AddItem(items, task, goal, "key-task", t, Unit(c + s + g + t));
                        if (++taskNumber % 9 < IndicatorsPerNineTasks)
                        {
                            AddIndicator(indicators, values, $"I{taskNumber}", task, Unit(taskNumber), random);
                        }
                    }
                }
            }
        }

        return [plan, items, indicators, values];
    }

    private static void AddItem(SheetTable items, string code, string parent, string kind, int order, string lead) =>
        items.Rows.Add(new SheetRow(items.Rows.Count + 1,
        [
            string.Empty, code, parent, kind, order.ToString(CultureInfo.InvariantCulture), $"条目 {code} 的内容", $"Text of item {code}", lead, Unit(order + 3), "1", string.Empty,
        ]));

    private static void AddIndicator(SheetTable indicators, SheetTable values, string code, string item, string unit, Random random)
    {
        indicators.Rows.Add(new SheetRow(indicators.Rows.Count + 1,
        [
            code, item, $"指标 {code}", $"Indicator {code}", "%", "%", "economy", "expected", "higher-is-better", "2020", "50", "2021:52; 2022:54",
            "60", string.Empty, "70", string.Empty, unit, "quarterly", "yes",
        ]));
        var value = 50m;
        foreach (var period in ReportingPeriod.Span(ReportingFrequency.Quarterly, 2021, 2025))
        {
            value += (decimal)Math.Round(random.NextDouble() * 1.2 - 0.2, 2);
            values.Rows.Add(new SheetRow(values.Rows.Count + 1, [code, period.ToString(), PlanChecks.FormatNumber(value), "%", string.Empty]));
        }
    }

    private static string Unit(int n) => Units[n % Units.Length];

    private static SheetTable Table(FileSheet sheet)
    {
        var table = new SheetTable(sheet.English);
        table.Rows.Add(new SheetRow(1, [.. sheet.Columns.Select(c => c.Key)]));
        return table;
    }
}
