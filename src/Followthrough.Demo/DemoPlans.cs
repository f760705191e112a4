using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Demo;

/// <summary>
/// Demo plans written from the facts of the Dalian and Liaoning reports: Dalian's 14th Five-Year Plan (2021–2025,
/// vision 2035) with its six directions as chapters, and a few items of Liaoning's plan that Dalian's items implement.
/// Figures such as 2.85% R&amp;D spending (2019), more than 300 good-air days, 96.5% good coastal waters or the service
/// counts by delivery level are from the reports; the sources give no targets, so every target here is marked
/// illustrative, and the yearly actuals after the baseline are made up to show each status.
/// </summary>
internal static class DemoPlans
{
    private sealed record DemoItem(string Code, PlanItemKind Kind, string TextZh, string TextEn, string? Lead, string[] CoUnits, string? Implements = null)
    {
        public string? Parent => Code.Contains('.', StringComparison.Ordinal) ? Code[..Code.LastIndexOf('.')] : null;
    }

    private sealed record DemoIndicator(
        string Code, string Item, string NameZh, string NameEn, string MeasureZh, string MeasureEn, IndicatorCategory Category,
        IndicatorNature Nature, IndicatorDirection Direction, int BaselineYear, decimal Baseline, decimal Target, decimal? TargetUpper,
        string Reporter, ReportingFrequency Frequency, decimal[] Actuals, decimal? Vision = null, Dictionary<int, decimal>? Yearly = null,
        (int Year, decimal FirstReport, string Note)? Revised = null);

    private static readonly DemoItem[] Liaoning =
    [
        new("C1", PlanItemKind.Chapter, "坚持创新驱动，建设科技强省", "Let innovation drive revitalisation and make Liaoning strong in science", "LN-STD", []),
        new("C1.1", PlanItemKind.Section, "建设重大科技创新平台", "Build major science and technology platforms", "LN-STD", []),
        new("C2", PlanItemKind.Chapter, "打造办事方便、法治良好的营商环境", "Make the business environment convenient and governed by law", "LN-GOV", []),
        new("C2.1", PlanItemKind.Section, "推进政务服务标准化、规范化、便利化", "Make government services standard, consistent and easy to use", "LN-GOV", []),
        new("C3", PlanItemKind.Chapter, "推进生态文明建设，守护绿水青山", "Advance ecological progress and protect clear waters and green hills", "LN-GOV", []),
        new("C4", PlanItemKind.Chapter, "建设东北亚开放合作枢纽", "Become a hub of opening-up and cooperation in Northeast Asia", "LN-GOV", ["LN-PORT"]),
    ];

    private static readonly DemoItem[] Dalian =
    [
        new("C1", PlanItemKind.Chapter, "深化市场化改革，营造一流营商环境", "Deepen market-oriented reform and create a first-class business environment", "DL-BEB", ["DL-DRC", "DL-MSA"]),
        new("C1.1", PlanItemKind.Section, "推进政务服务“一网通办”", "Deliver government services through one online network", "DL-BEB", ["DL-GO"], "LN-14FYP:C2.1"),
        new("C1.1.1", PlanItemKind.Goal, "让企业和群众办事少跑腿、不见面", "Fewer trips, and no face-to-face meetings, for firms and residents", "DL-BEB", []),
        new("C1.1.1.1", PlanItemKind.KeyTask, "扩大全程网办和掌上办事项范围", "Widen the range of services handled fully online and on mobile phones", "DL-BEB", ["DL-MSA"]),
        new("C1.1.1.1.1", PlanItemKind.Measure, "对规则明确的事项推行无人干预自动审批", "Approve rule-based applications automatically, without a manual step", "DL-BEB", ["DL-MSA"]),
        new("C1.1.1.1.2", PlanItemKind.Measure, "推行政务服务“好差评”，按月通报评价结果", "Let applicants rate each service good or bad, and publish the results every month", "DL-BEB", []),
        new("C1.2", PlanItemKind.Section, "建设诚信大连", "Build a trustworthy Dalian", "DL-DRC", ["DL-MSA", "DL-FIN"]),
        new("C1.2.1", PlanItemKind.KeyTask, "完善城市信用监测和守信联合激励、失信联合惩戒机制", "Strengthen credit monitoring, with joint rewards for keeping faith and joint penalties for breaking it", "DL-DRC", ["DL-MSA"]),
        new("C2", PlanItemKind.Chapter, "建设东北亚科技创新创业创投中心", "Build a Northeast Asian centre for innovation, start-ups and venture capital", "DL-STB", ["DL-IIT", "DL-HRS"]),
        new("C2.1", PlanItemKind.Section, "高标准建设英歌石科学城", "Build Yingge Stone Science City to a high standard", "DL-STB", ["DICP", "DUT"], "LN-14FYP:C1.1"),
        new("C2.1.1", PlanItemKind.KeyTask, "布局建设大科学装置和重大创新平台", "Site large research facilities and major innovation platforms", "DL-STB", ["DICP"]),
        new("C2.1.1.1", PlanItemKind.Measure, "支持大连化物所牵头建设储能等领域创新平台", "Support the Institute of Chemical Physics in leading platforms for energy storage and related fields", "DICP", ["DL-RKP", "DL-STB"]),
        new("C2.2", PlanItemKind.Section, "集聚高层次创新人才", "Attract and keep high-level talent", "DL-HRS", ["DL-STB", "DUT", "DLMU"]),
        new("C2.2.1", PlanItemKind.KeyTask, "落实人才政策，建设人才公寓和一站式服务平台", "Carry out the talent policies, with housing and a one-stop service platform", "DL-HRS", []),
        new("C2.3", PlanItemKind.Section, "壮大先进制造业", "Grow advanced manufacturing", "DL-IIT", ["DL-DSIC", "DL-ETC"]),
        new("C2.3.1", PlanItemKind.KeyTask, "推动船舶、装备等优势产业智能化改造", "Bring smart production to shipbuilding, equipment and the city's other strong industries", "DL-IIT", ["DL-DSIC"]),
        new("C3", PlanItemKind.Chapter, "构建陆海统筹、城乡融合的发展格局", "Develop land and sea, town and country as one", "DL-NRB", ["DL-DRC"]),
        new("C3.1", PlanItemKind.Section, "形成“一核、四城、四片、七组团”空间结构", "Shape a layout of one core, four cities, four areas and seven clusters", "DL-NRB", ["DL-JP", "DL-LSK"]),
        new("C3.1.1", PlanItemKind.KeyTask, "统筹利用约3万平方公里海域和2200多公里海岸线", "Plan the use of some 30,000 km² of sea and more than 2,200 km of coastline together", "DL-NRB", []),
        new("C3.2", PlanItemKind.Section, "建设美丽宜居乡村", "Build beautiful, liveable villages", "DL-DRC", ["DL-NRB", "DL-EEB"]),
        new("C3.2.1", PlanItemKind.Goal, "创建美丽乡村示范村和干净村", "Create model beautiful villages and clean villages", "DL-DRC", []),
        new("C4", PlanItemKind.Chapter, "推动绿色低碳发展", "Pursue green, low-carbon development", "DL-EEB", ["DL-NRB", "DL-IIT"], "LN-14FYP:C3"),
        new("C4.1", PlanItemKind.Section, "持续改善空气质量", "Keep improving air quality", "DL-EEB", ["DL-IIT"]),
        new("C4.2", PlanItemKind.Section, "守护河流和近岸海域", "Protect the rivers and coastal waters", "DL-EEB", ["DL-NRB"]),
        new("C4.2.1", PlanItemKind.KeyTask, "抓好中央生态环境保护督察反馈问题整改", "Put right the problems found by the central environmental inspection", "DL-EEB", ["DL-JP", "DL-GJZ"]),
        new("C4.2.2", PlanItemKind.KeyTask, "推动中心城区工业企业搬迁改造", "Relocate and upgrade the industrial enterprises of the central city", "DL-IIT", ["DL-EEB", "DL-SHK"]),
        new("C5", PlanItemKind.Chapter, "打造“双循环”中的亚太枢纽", "Make Dalian an Asia-Pacific hub within the dual circulation", "DL-DRC", ["LN-PORT", "DL-FTZ"]),
        new("C5.1", PlanItemKind.Section, "建设东北亚国际航运中心", "Build the Northeast Asia international shipping centre", "LN-PORT", ["DL-DRC", "DLMU"], "LN-14FYP:C4"),
        new("C5.2", PlanItemKind.Section, "提升自贸试验区大连片区开放水平", "Open the Dalian area of the pilot free trade zone wider", "DL-FTZ", ["DL-JP"]),
        new("C6", PlanItemKind.Chapter, "增进民生福祉，扎实推动共同富裕", "Improve people's well-being and make steady progress towards common prosperity", "DL-HRS", ["DL-FIN"]),
        new("C6.1", PlanItemKind.Section, "实现更加充分更高质量就业", "Achieve fuller and better employment", "DL-HRS", []),
        new("C6.2", PlanItemKind.Section, "提升公共服务质量和群众满意度", "Raise the quality of public services and residents' satisfaction with them", "DL-BEB", ["DL-GO"]),
    ];

    private static readonly DemoIndicator[] Indicators =
    [
        new("ONLINE-ITEMS", "C1.1.1", "全程网办政务服务事项数", "Service items handled fully online", "项", "items", IndicatorCategory.Reform, IndicatorNature.Expected,
            IndicatorDirection.HigherIsBetter, 2020, 1231, 1600, null, "DL-BEB", ReportingFrequency.Yearly, [1320, 1405, 1480, 1530, 1610]),
        new("MOBILE-ITEMS", "C1.1.1", "掌上办政务服务事项数", "Service items handled on mobile phones", "项", "items", IndicatorCategory.Reform, IndicatorNature.Expected,
            IndicatorDirection.HigherIsBetter, 2020, 636, 1000, null, "DL-BEB", ReportingFrequency.Yearly, [700, 760, 800, 830, 870]),
        new("ONE-VISIT-ITEMS", "C1.1.1", "“最多跑一次”政务服务事项数", "Service items needing at most one visit", "项", "items", IndicatorCategory.Reform,
            IndicatorNature.Expected, IndicatorDirection.HigherIsBetter, 2020, 1151, 1500, null, "DL-BEB", ReportingFrequency.Yearly, [1210, 1290, 1350, 1420, 1505]),
        new("ON-THE-SPOT", "C1.1.1", "“马上办”政务服务事项数", "Service items handled on the spot", "项", "items", IndicatorCategory.Reform, IndicatorNature.Expected,
            IndicatorDirection.HigherIsBetter, 2020, 159, 250, null, "DL-BEB", ReportingFrequency.Yearly, [175, 190, 210, 228]),
        new("CREDIT-RANK", "C1.2", "城市信用监测排名（36个大中城市）", "Rank in city credit monitoring (of 36 large cities)", "位", "rank", IndicatorCategory.Reform,
            IndicatorNature.Expected, IndicatorDirection.LowerIsBetter, 2020, 5, 3, null, "DL-DRC", ReportingFrequency.Yearly, [5, 4, 4, 3, 3]),
        new("RD-SHARE", "C2", "全社会研发经费投入占地区生产总值比重", "R&D spending as a share of GDP", "%", "%", IndicatorCategory.Innovation, IndicatorNature.Expected,
            IndicatorDirection.HigherIsBetter, 2019, 2.85m, 3.2m, null, "DL-STB", ReportingFrequency.Yearly, [2.9m, 2.95m, 3.0m, 3.08m, 3.15m], Vision: 3.6m,
            Yearly: new() { [2021] = 2.9m, [2022] = 2.95m, [2023] = 3.0m, [2024] = 3.1m, [2025] = 3.2m }),
        new("HIGH-TALENT", "C2.2", "高层次人才数量", "High-level talents", "人", "people", IndicatorCategory.Innovation, IndicatorNature.Expected,
            IndicatorDirection.HigherIsBetter, 2020, 5000, 8000, null, "DL-HRS", ReportingFrequency.Yearly, [5600, 6300, 6900, 7500, 8100]),
        new("INDUSTRY-CATEGORIES", "C2.3", "工业门类覆盖数（39个工业大类）", "Industrial categories present (of 39 major categories)", "个", "categories", IndicatorCategory.Economy,
            IndicatorNature.Expected, IndicatorDirection.HigherIsBetter, 2020, 34, 34, null, "DL-IIT", ReportingFrequency.Yearly, [34, 34, 34, 34, 34]),
        new("MODEL-VILLAGES", "C3.2.1", "美丽乡村示范村数量", "Model beautiful villages", "个", "villages", IndicatorCategory.Livelihood, IndicatorNature.Expected,
            IndicatorDirection.HigherIsBetter, 2020, 100, 200, null, "DL-DRC", ReportingFrequency.Yearly, [120, 140, 165, 185, 205]),
        new("CLEAN-VILLAGES", "C3.2.1", "干净村数量", "Clean villages", "个", "villages", IndicatorCategory.Livelihood, IndicatorNature.Expected,
            IndicatorDirection.HigherIsBetter, 2020, 755, 900, null, "DL-DRC", ReportingFrequency.Yearly, [790, 820, 850]),
        new("GOOD-AIR-DAYS", "C4.1", "空气质量优良天数", "Days of good air quality", "天", "days", IndicatorCategory.Green, IndicatorNature.Binding,
            IndicatorDirection.HigherIsBetter, 2020, 300, 310, null, "DL-EEB", ReportingFrequency.Yearly, [303, 305, 298, 301, 296], Vision: 320),
        new("RIVER-SECTIONS", "C4.2", "21个河流监测断面达标比例", "Share of the 21 monitored river sections meeting standards", "%", "%", IndicatorCategory.Green,
            IndicatorNature.Binding, IndicatorDirection.HigherIsBetter, 2020, 100, 100, null, "DL-EEB", ReportingFrequency.Yearly, [100, 100, 100, 100, 100]),
        new("COASTAL-WATERS", "C4.2", "近岸海域优良水质比例", "Share of coastal waters of good quality", "%", "%", IndicatorCategory.Green, IndicatorNature.Binding,
            IndicatorDirection.HigherIsBetter, 2020, 96.5m, 97m, null, "DL-EEB", ReportingFrequency.Yearly, [96.8m, 97.1m, 96.9m, 97.3m, 97.2m],
            Revised: (2023, 96.4m, "根据复核后的监测数据更正")),
        new("URBAN-UNEMPLOYMENT", "C6.1", "城镇登记失业率", "Registered urban unemployment rate", "%", "%", IndicatorCategory.Livelihood, IndicatorNature.Expected,
            IndicatorDirection.WithinRange, 2020, 3.0m, 0m, 4.5m, "DL-HRS", ReportingFrequency.Quarterly,
            [3.1m, 3.0m, 3.2m, 3.1m, 3.3m, 3.4m, 3.2m, 3.1m, 3.0m, 3.1m, 3.0m, 2.9m, 3.0m, 3.1m, 2.9m, 2.9m, 3.0m, 2.9m, 2.8m]),
        new("SERVICE-SATISFACTION-RANK", "C6.2", "公共服务满意度排名（38个城市）", "Rank in public-service satisfaction (of 38 cities)", "位", "rank", IndicatorCategory.Livelihood,
            IndicatorNature.Expected, IndicatorDirection.LowerIsBetter, 2020, 10, 5, null, "DL-BEB", ReportingFrequency.Yearly, [9, 9, 8, 9, 9]),
    ];

    /// <summary>The demo person who reports each unit's figures; units without one report through the supervision office.</summary>
    private static readonly Dictionary<string, string> Reporters = new(StringComparer.Ordinal)
    {
        ["DL-DRC"] = "drc",
        ["DL-STB"] = "stb",
        ["DL-EEB"] = "eeb",
    };

    public static async Task LoadAsync(FollowthroughDb db, IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken)
    {
        var people = await db.Set<Account>().AsNoTracking().ToDictionaryAsync(a => a.UserName, a => a.PersonId, cancellationToken);
        var liaoning = await AddPlanAsync(db, units, new Plan
        {
            Code = "LN-14FYP",
            NameZh = "辽宁省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
            NameEn = "Liaoning Province: Outline of the 14th Five-Year Plan and the Long-Range Objectives through 2035",
            Level = PlanLevel.Provincial,
            OwnerUnitId = units["LN-GOV"].Id,
            StartYear = 2021,
            EndYear = 2025,
            VisionYear = 2035,
            Status = PlanStatus.InForce,
        }, Liaoning, null, cancellationToken);

        var dalian = await AddPlanAsync(db, units, new Plan
        {
            Code = "DL-14FYP",
            NameZh = "大连市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
            NameEn = "Dalian: Outline of the 14th Five-Year Plan and the Long-Range Objectives through 2035",
            Level = PlanLevel.Municipal,
            OwnerUnitId = units["DL-DRC"].Id,
            StartYear = 2021,
            EndYear = 2025,
            VisionYear = 2035,
            Status = PlanStatus.InForce,
        }, Dalian, liaoning, cancellationToken);

        foreach (var demo in Indicators)
        {
            var indicator = new Indicator
            {
                PlanId = dalian.Plan.Id,
                PlanItemId = dalian.Items[demo.Item].Id,
                Code = demo.Code,
                NameZh = demo.NameZh,
                NameEn = demo.NameEn,
                MeasureZh = demo.MeasureZh,
                MeasureEn = demo.MeasureEn,
                Category = demo.Category,
                Nature = demo.Nature,
                Direction = demo.Direction,
                BaselineYear = demo.BaselineYear,
                BaselineValue = demo.Baseline,
                PeriodTarget = demo.Target,
                PeriodTargetUpper = demo.TargetUpper,
                VisionTarget = demo.Vision,
                ReportingUnitId = units[demo.Reporter].Id,
                Frequency = demo.Frequency,
                IsIllustrative = true,
            };
            db.Set<Indicator>().Add(indicator);
            await SaveAsync(db, cancellationToken);
            foreach (var (year, value) in demo.Yearly ?? [])
            {
                db.Set<IndicatorTarget>().Add(new IndicatorTarget { IndicatorId = indicator.Id, Year = year, Value = value });
            }

            var reporter = Reporters.GetValueOrDefault(demo.Reporter, "supervisor");
            var period = ReportingPeriod.FirstOf(demo.Frequency, 2021);
            foreach (var actual in demo.Actuals)
            {
                var value = Value(indicator.Id, period, actual, reporter, people.GetValueOrDefault(reporter));
                if (demo.Revised is { } revised && revised.Year == period.Year)
                {
                    // The figure first sent in, then the checked one that supersedes it: both stay on record.
                    var original = Value(indicator.Id, period, revised.FirstReport, reporter, people.GetValueOrDefault(reporter));
                    db.Set<IndicatorValue>().Add(original);
                    await SaveAsync(db, cancellationToken);
                    value.SupersedesId = original.Id;
                    value.Note = revised.Note;
                    value.ReportedAt = original.ReportedAt.AddDays(40);
                }

                db.Set<IndicatorValue>().Add(value);
                period = period.Next();
            }

            await SaveAsync(db, cancellationToken);
        }
    }

    private static async Task<(Plan Plan, Dictionary<string, PlanItem> Items)> AddPlanAsync(
        FollowthroughDb db, IReadOnlyDictionary<string, Unit> units, Plan plan, DemoItem[] outline, (Plan Plan, Dictionary<string, PlanItem> Items)? higher,
        CancellationToken cancellationToken)
    {
        db.Set<Plan>().Add(plan);
        await SaveAsync(db, cancellationToken);
        var items = new Dictionary<string, PlanItem>(StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var demo in outline)
        {
            var siblings = demo.Parent ?? string.Empty;
            positions[siblings] = positions.GetValueOrDefault(siblings) + 1;
            var item = new PlanItem
            {
                PlanId = plan.Id,
                ParentId = demo.Parent is null ? null : items[demo.Parent].Id,
                Code = demo.Code,
                Kind = demo.Kind,
                Position = positions[siblings],
                TextZh = demo.TextZh,
                TextEn = demo.TextEn,
                LeadUnitId = demo.Lead is null ? null : units[demo.Lead].Id,
                ImplementsItemId = demo.Implements is { } link && higher is { } h ? h.Items[link.Split(':')[1]].Id : null,
            };
            db.Set<PlanItem>().Add(item);
            await SaveAsync(db, cancellationToken);
            items[demo.Code] = item;
            db.Set<PlanItemPartner>().AddRange(demo.CoUnits.Select(u => new PlanItemPartner { PlanItemId = item.Id, UnitId = units[u].Id }));
        }

        await SaveAsync(db, cancellationToken);
        return (plan, items);
    }

    /// <summary>A figure as its reporting unit sent it in, about two weeks before the report was due.</summary>
    private static IndicatorValue Value(int indicatorId, ReportingPeriod period, decimal value, string reporter, int personId) => new()
    {
        IndicatorId = indicatorId,
        Year = period.Year,
        SubPeriod = period.SubPeriod,
        Value = value,
        ReportedById = personId == 0 ? null : personId,
        ReportedByName = reporter,
        ReportedAt = period.DueDate.AddDays(-14).ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc),
        Source = "demo",
    };

    private static async Task SaveAsync(FollowthroughDb db, CancellationToken cancellationToken)
    {
        db.DescribeNextSave("created", "Demo data");
        await db.SaveChangesAsync(cancellationToken);
    }
}
