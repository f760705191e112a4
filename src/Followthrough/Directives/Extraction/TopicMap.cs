namespace Followthrough.Directives.Extraction;

/// <summary>
/// A small map from the fields of government work to the words that signal them, in both languages. The topics
/// of a directive later suggest which plan item it belongs to; they are hints for the clerk, not a classifier.
/// </summary>
internal static class TopicMap
{
    public static readonly (string Topic, string[] Words)[] Topics =
    [
        ("ecology",
        [
            "environment", "environmental", "ecological", "ecology", "pollution", "pollutant", "emission", "emissions",
            "carbon", "green development", "green and low-carbon", "sewage", "wastewater", "air quality", "blue sky",
            "clear water", "clean land", "greening", "forest", "forests", "river", "rivers", "coastal waters", "garbage",
            "waste", "ecosystem", "red-line", "生态", "环境保护", "环保", "污染", "排放", "碳", "绿色", "污水", "蓝天", "碧水",
            "净土", "大气", "水质", "河长", "垃圾", "生态修复", "红线", "绿化", "低碳",
        ]),
        ("innovation",
        [
            "science", "scientific", "technology", "technological", "innovation", "innovative", "research", "r&d",
            "laboratory", "laboratories", "talent", "talents", "academicians", "patent", "patents", "intellectual property",
            "high-tech", "science city", "digital", "artificial intelligence", "科技", "科学", "创新", "研发", "实验室", "人才",
            "高新技术", "成果转化", "知识产权", "科学城", "数字", "人工智能", "院士",
        ]),
        ("business-environment",
        [
            "business environment", "approval", "approvals", "government services", "government service", "reform",
            "deregulation", "market-oriented", "one network", "credit", "fees", "market players", "red tape",
            "certificates", "营商环境", "审批", "政务服务", "改革", "放管服", "一网通办", "不见面", "信用", "收费", "市场主体",
            "证明", "办事",
        ]),
        ("opening-up",
        [
            "opening up", "opening-up", "open up", "port", "ports", "shipping", "trade", "free trade", "ftz", "customs",
            "logistics", "sea-rail", "foreign investment", "export", "exports", "import", "imports", "imported",
            "belt and road", "hub", "containers", "开放", "港口", "港区", "航运", "贸易", "自贸", "海关", "通关", "物流",
            "海铁联运", "外资", "出口", "进口", "一带一路", "口岸", "枢纽", "集装箱",
        ]),
        ("livelihood",
        [
            "employment", "jobs", "unemployment", "education", "school", "schools", "school places", "hospital",
            "hospitals", "health", "medical", "elderly", "pension", "social security", "housing", "residents",
            "livelihood", "income", "public services", "民生", "就业", "失业", "教育", "学校", "学位", "医院", "医疗", "健康",
            "养老", "社保", "住房", "老旧小区", "居民", "收入", "困难群众", "公共服务",
        ]),
        ("industry",
        [
            "industry", "industries", "industrial", "manufacturing", "equipment manufacturing", "petrochemical",
            "industrial chain", "real economy", "factory", "factories", "shipbuilding", "production lines",
            "工业", "产业", "制造业", "装备制造", "石化", "产业链", "实体经济", "工厂", "厂房", "船舶",
        ]),
        ("urban-rural",
        [
            "urban", "rural", "village", "villages", "county", "counties", "towns", "urbanization", "urbanisation",
            "spatial", "layout", "land and sea", "marine", "coastline", "urban renewal", "residential compounds",
            "central city", "城乡", "乡村", "农村", "村", "县域", "城镇化", "空间布局", "陆海", "海洋", "岸线", "城市更新",
            "中心城区", "老旧小区", "乡镇",
        ]),
        ("grassroots-burden",
        [
            "burden on the grass roots", "burden on the grassroots", "grass-roots burden", "formalism", "bureaucracy",
            "fill in", "forms", "paperwork", "meetings", "基层减负", "减负", "形式主义", "官僚主义", "文山会海", "重复填报",
            "填表", "表格", "文来文往",
        ]),
        ("safety",
        [
            "safety", "safe", "epidemic", "flood", "floods", "emergency", "disaster", "disasters", "fire", "accident",
            "accidents", "rescue", "reservoir", "reservoirs", "dykes", "cold-chain", "traceable", "安全", "疫情", "防控",
            "防汛", "应急", "灾", "消防", "事故", "隐患", "水库", "堤防", "救灾", "追溯",
        ]),
        ("party-building",
        [
            "party building", "party history", "party organizations", "party organisations", "party members", "cadres",
            "integrity", "corruption", "political", "党建", "党史", "党组织", "党员", "干部", "廉政", "腐败", "作风", "政治",
        ]),
    ];

    private static readonly KeywordMatcher<int> Matcher = new(
        Topics.SelectMany((topic, index) => topic.Words.Select(word => new KeyValuePair<string, int>(word, index))));

    /// <summary>The topics a stretch of text touches, in the catalogue's order.</summary>
    [ThreadStatic]
    private static List<KeywordHit<int>>? t_hits;

    public static IReadOnlyList<string> Of(string text, TextSpan span)
    {
        var hits = t_hits ??= [];
        hits.Clear();
        Matcher.FindAll(text, span.Start, span.End, hits);
        if (hits.Count == 0)
        {
            return [];
        }

        Span<bool> seen = stackalloc bool[Topics.Length];
        foreach (var hit in hits)
        {
            seen[hit.Value] = true;
        }

        var topics = new List<string>();
        for (var i = 0; i < seen.Length; i++)
        {
            if (seen[i])
            {
                topics.Add(Topics[i].Topic);
            }
        }

        return topics;
    }
}
