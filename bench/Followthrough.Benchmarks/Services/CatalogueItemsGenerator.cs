using Followthrough.Services.Catalogue;

namespace Followthrough.Benchmarks.Services;

/// <summary>
/// Items for the catalogue search benchmark, written for it (not copied from any real catalogue): a subject of the
/// unit's field, what is done about it, and in a third of the items the district that handles it, so that names repeat
/// words the way a real catalogue does (登记, 许可, 中山区 ...). Every kind and delivery level, several units, life events,
/// materials. Deterministic: the same seed gives the same items.
/// </summary>
internal static class CatalogueItemsGenerator
{
    private sealed record Subject(string Unit, string Zh, string En, string Event);

    private static readonly Subject[] Subjects =
    [
        new("DL-MSA", "食品经营", "food business", "开餐馆"), new("DL-MSA", "食品生产", "food production", "开办企业"),
        new("DL-MSA", "特种设备", "special equipment", ""), new("DL-MSA", "个体工商户", "sole trader", "开办企业"),
        new("DL-MSA", "有限责任公司", "limited company", "开办企业"), new("DL-MSA", "药品零售", "retail pharmacy", "开药店"),
        new("DL-MSA", "医疗器械经营", "medical device trade", ""), new("DL-MSA", "计量器具", "measuring instruments", ""),
        new("DL-HRS", "失业保险", "unemployment insurance", "失业"), new("DL-HRS", "职业技能培训补贴", "vocational training subsidy", "失业"),
        new("DL-HRS", "社会保险", "social insurance", "参加工作"), new("DL-HRS", "劳务派遣", "labour dispatch", ""),
        new("DL-HRS", "人力资源服务", "human resources service", "开办企业"), new("DL-HRS", "退休待遇", "retirement benefit", "退休"),
        new("DL-NRB", "建设用地", "construction land", "投资建设"), new("DL-NRB", "不动产", "real estate", "买房"),
        new("DL-NRB", "海域使用", "sea area use", ""), new("DL-NRB", "采矿权", "mining right", ""),
        new("DL-NRB", "建设工程规划", "construction planning", "投资建设"), new("DL-EEB", "排污", "pollutant discharge", ""),
        new("DL-EEB", "危险废物经营", "hazardous waste handling", ""), new("DL-EEB", "建设项目环境影响", "environmental impact of projects", "投资建设"),
        new("DL-EEB", "辐射安全", "radiation safety", ""), new("DL-DRC", "企业投资项目", "enterprise investment project", "投资建设"),
        new("DL-DRC", "固定资产投资项目节能", "energy saving of fixed-asset projects", "投资建设"), new("DL-DRC", "价格收费", "price and charges", ""),
        new("DL-BEB", "施工许可", "construction permit", "投资建设"), new("DL-BEB", "商品房预售", "off-plan housing sale", "买房"),
        new("DL-BEB", "建筑业企业资质", "construction company qualification", ""), new("DL-BEB", "物业服务", "property management", "买房"),
        new("DL-FIN", "融资担保", "financing guarantee", ""), new("DL-FIN", "政府采购", "government procurement", ""),
        new("DL-IIT", "工业企业技术改造", "industrial technical upgrade", ""), new("DL-IIT", "无线电台", "radio station", ""),
        new("DL-STB", "高新技术企业", "high-tech enterprise", ""), new("DL-STB", "科技型中小企业", "technology-based small business", "开办企业"),
        new("DL-FTZ", "港口经营", "port operation", ""), new("DL-FTZ", "渔业船舶", "fishing vessel", ""),
        new("DL-FTZ", "船员", "seafarer", "参加工作"), new("DL-FTZ", "保税仓库", "bonded warehouse", ""),
    ];

    private static readonly (string Zh, string En, ServiceKind Kind)[] Actions =
    [
        ("许可", "licence", ServiceKind.AdministrativeLicensing), ("登记", "registration", ServiceKind.AdministrativeConfirmation),
        ("变更登记", "change registration", ServiceKind.AdministrativeConfirmation), ("注销", "cancellation", ServiceKind.AdministrativeConfirmation),
        ("备案", "filing", ServiceKind.Filing), ("延续", "renewal", ServiceKind.AdministrativeLicensing),
        ("证书补领", "replacement certificate", ServiceKind.PublicService), ("核准", "approval", ServiceKind.AdministrativeLicensing),
        ("年度报告", "annual report", ServiceKind.Filing), ("补贴申领", "subsidy claim", ServiceKind.AdministrativePayment),
        ("信息查询", "information enquiry", ServiceKind.PublicService), ("检查", "inspection", ServiceKind.Other),
        ("证明开具", "certificate issue", ServiceKind.PublicService),
    ];

    private static readonly (string Zh, string En)[] Districts =
    [
        ("中山区", "Zhongshan District"), ("西岗区", "Xigang District"), ("沙河口区", "Shahekou District"),
        ("甘井子区", "Ganjingzi District"), ("旅顺口区", "Lushunkou District"), ("金州区", "Jinzhou District"),
        ("普兰店区", "Pulandian District"), ("瓦房店市", "Wafangdian City"), ("庄河市", "Zhuanghe City"), ("长海县", "Changhai County"),
    ];

    private static readonly (string Zh, string En)[] Variants =
    [
        ("", ""), ("（首次）", " (first time)"), ("（延期）", " (extension)"), ("（跨区迁移）", " (moving district)"),
        ("（告知承诺）", " (notification and commitment)"), ("（网上申请）", " (online application)"),
    ];

    private static readonly MaterialInput[] Materials =
    [
        new("申请表", "Application form", "Form", false), new("营业执照", "Business licence", "Copy", true),
        new("居民身份证", "Resident identity card", "Original", true), new("经营场所使用证明", "Proof of the right to use the premises", "Copy", true),
        new("项目说明", "Outline of the project", "Electronic", false), new("承诺书", "Letter of commitment", "Form", false),
    ];

    private static readonly string[] Levels = [.. Enum.GetNames<DeliveryLevel>()];

    /// <summary>The subject units the items need (their codes), all in the demo's directory.</summary>
    public static IReadOnlyList<string> UnitCodes => [.. Subjects.Select(s => s.Unit).Distinct()];

    /// <summary>Some code of the generated items (the i-th of <paramref name="count"/>), for searching by code.</summary>
    public static string Code(string unit, int sequence) => $"{unit}-{sequence:D4}";

    /// <summary><paramref name="count"/> valid items, codes <c>UNIT-1000</c> upwards per unit.</summary>
    public static IEnumerable<ServiceItemInput> Items(int count, IReadOnlyDictionary<string, int> unitIds, int seed = 15)
    {
        var random = new Random(seed);
        var sequence = UnitCodes.ToDictionary(u => u, _ => 1000, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var produced = 0;
        while (produced < count)
        {
            var subject = Subjects[random.Next(Subjects.Length)];
            var action = Actions[random.Next(Actions.Length)];
            var district = random.Next(3) == 0 ? Districts[random.Next(Districts.Length)] : ("", "");
            var variant = Variants[random.Next(Variants.Length)];
            var nameZh = district.Item1 + subject.Zh + action.Zh + variant.Zh;
            if (!seen.Add(nameZh))
            {
                continue;
            }

            var nameEn = Capital(subject.En) + " " + action.En + (district.Item2.Length > 0 ? ", " + district.Item2 : "") + variant.En;
            var level = Levels[random.Next(Levels.Length)];
            var visits = level is nameof(DeliveryLevel.Online) or nameof(DeliveryLevel.OnThePalm) ? 0 : random.Next(2);
            var statutory = random.Next(1, 61);
            var lifeEvents = subject.Event.Length > 0 ? new List<string> { subject.Event } : [];
            if (random.Next(5) == 0)
            {
                lifeEvents.Add("企业变更");
            }

            var code = Code(subject.Unit, sequence[subject.Unit]++);
            yield return new ServiceItemInput(
                code, nameZh, nameEn, unitIds[subject.Unit], action.Kind.ToString(), "《中华人民共和国行政许可法》", statutory,
                random.Next(0, statutory + 1), level, visits, [.. Materials.Where((_, i) => i == 0 || random.Next(3) == 0)],
                random.Next(10) == 0 ? random.Next(1, 500) : 0m, lifeEvents, random.Next(8) == 0);
            produced++;
        }
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
