using Followthrough.Organization;
using Followthrough.Services.Catalogue;

namespace Followthrough.Demo;

/// <summary>
/// About forty items of a Dalian service catalogue across the demo units, in our own words: all four delivery levels
/// (the counts Dalian reports), statutory and shorter committed limits, materials that an electronic licence can
/// replace, life events, the classic automatically decided items (enterprise investment project filing first), and
/// one item withdrawn with its reason. Added through the catalogue's own rules, so each has its version and audit entry.
/// </summary>
internal sealed class DemoCatalogue(ServiceCatalogue catalogue)
{
    private sealed record Spec(
        string Code, string NameZh, string NameEn, string Unit, ServiceKind Kind, DeliveryLevel Level,
        int Statutory, int Committed, bool Auto, string Events, string Basis, string Materials);

    // Materials by key: Chinese name, English name, form, whether an electronic licence (电子证照) can replace it.
    private static readonly Dictionary<string, MaterialInput> Palette = new(StringComparer.Ordinal)
    {
        ["form"] = new("申请表", "Application form", "Form", false),
        ["licence"] = new("营业执照", "Business licence", "Copy", true),
        ["id"] = new("居民身份证", "Resident identity card", "Original", true),
        ["rep"] = new("法定代表人身份证明", "Legal representative's identity document", "Copy", true),
        ["charter"] = new("公司章程", "Articles of association", "Electronic", false),
        ["premises"] = new("经营场所使用证明", "Proof of the right to use the premises", "Copy", true),
        ["project"] = new("项目基本情况说明", "Outline of the project", "Electronic", false),
        ["eia"] = new("环境影响评价文件", "Environmental impact assessment document", "Electronic", false),
        ["household"] = new("居民户口簿", "Household register", "Original", true),
        ["contract"] = new("劳动合同", "Labour contract", "Copy", false),
        ["birth"] = new("出生医学证明", "Medical certificate of birth", "Original", true),
        ["drawings"] = new("设计方案图纸", "Design drawings", "Electronic", false),
        ["land"] = new("土地权属证明", "Proof of land title", "Copy", true),
        ["inspection"] = new("设备监督检验证明", "Equipment inspection certificate", "Copy", true),
        ["accounts"] = new("财务会计制度", "Accounting rules of the applicant", "Electronic", false),
        ["staff"] = new("从业人员资格证明", "Staff qualification certificates", "Copy", true),
        ["photo"] = new("近期免冠证件照", "Recent passport-style photo", "Electronic", false),
        ["food"] = new("食品安全管理制度", "Food safety management rules", "Electronic", false),
        ["sea"] = new("海域使用论证报告", "Sea area use assessment report", "Electronic", false),
        ["residence"] = new("居住证明", "Proof of residence", "Copy", true),
    };

    private const string Licensing = "《中华人民共和国行政许可法》";

    private static readonly Spec[] Items =
    [
        new("DL-DRC-001", "企业投资项目备案", "Enterprise investment project filing", "DL-DRC", ServiceKind.Filing, DeliveryLevel.Online, 5, 0, true, "投资建设;开办企业", "《企业投资项目核准和备案管理条例》", "form licence project"),
        new("DL-DRC-002", "企业投资项目核准", "Enterprise investment project approval", "DL-DRC", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 10, false, "投资建设", "《企业投资项目核准和备案管理条例》", "form licence project drawings"),
        new("DL-DRC-003", "政府投资项目可行性研究报告审批", "Approval of feasibility studies for government-funded projects", "DL-DRC", ServiceKind.Other, DeliveryLevel.AtMostOnce, 20, 12, false, "投资建设", "《政府投资条例》", "form project"),
        new("DL-DRC-004", "固定资产投资项目节能审查", "Energy-saving review of fixed-asset investment projects", "DL-DRC", ServiceKind.Other, DeliveryLevel.Online, 20, 8, false, "投资建设", "《固定资产投资项目节能审查办法》", "form project"),
        new("DL-MSA-001", "企业设立登记", "Company establishment registration", "DL-MSA", ServiceKind.AdministrativeConfirmation, DeliveryLevel.Online, 15, 1, true, "开办企业", "《中华人民共和国市场主体登记管理条例》", "form charter rep premises"),
        new("DL-MSA-002", "企业变更登记", "Company change registration", "DL-MSA", ServiceKind.AdministrativeConfirmation, DeliveryLevel.OnThePalm, 15, 1, true, "企业变更", "《中华人民共和国市场主体登记管理条例》", "form licence rep"),
        new("DL-MSA-003", "企业注销登记", "Company deregistration", "DL-MSA", ServiceKind.AdministrativeConfirmation, DeliveryLevel.Online, 10, 3, false, "企业注销", "《中华人民共和国市场主体登记管理条例》", "form licence rep"),
        new("DL-MSA-004", "个体工商户登记", "Sole trader registration", "DL-MSA", ServiceKind.AdministrativeConfirmation, DeliveryLevel.OnThePalm, 15, 0, true, "开办企业;开餐馆", "《促进个体工商户发展条例》", "form id premises"),
        new("DL-MSA-005", "食品经营许可", "Food business licence", "DL-MSA", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 7, false, "开餐馆;开办企业", "《中华人民共和国食品安全法》", "form licence premises food"),
        new("DL-MSA-006", "食品生产许可", "Food production licence", "DL-MSA", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 10, false, "开办企业", "《中华人民共和国食品安全法》", "form licence premises food drawings"),
        new("DL-MSA-007", "特种设备使用登记", "Registration of special equipment in use", "DL-MSA", ServiceKind.AdministrativeConfirmation, DeliveryLevel.RunImmediately, 15, 0, false, "", "《中华人民共和国特种设备安全法》", "form licence inspection"),
        new("DL-MSA-008", "营业执照遗失补领", "Replacement of a lost business licence", "DL-MSA", ServiceKind.PublicService, DeliveryLevel.RunImmediately, 5, 0, false, "", "《中华人民共和国市场主体登记管理条例》", "form rep"),
        new("DL-MSA-009", "工业产品生产许可（部分目录）", "Industrial product production licence (part of the list)", "DL-MSA", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 10, false, "", Licensing, "form licence"),
        new("DL-HRS-001", "失业保险金申领", "Unemployment insurance benefit claim", "DL-HRS", ServiceKind.AdministrativePayment, DeliveryLevel.OnThePalm, 10, 3, true, "失业", "《失业保险条例》", "id"),
        new("DL-HRS-002", "社会保障卡申领", "Social security card application", "DL-HRS", ServiceKind.PublicService, DeliveryLevel.RunImmediately, 5, 0, false, "新生儿出生;就业", "《中华人民共和国社会保险法》", "id photo"),
        new("DL-HRS-003", "职工参保登记", "Employee social insurance registration", "DL-HRS", ServiceKind.AdministrativeConfirmation, DeliveryLevel.Online, 5, 1, true, "开办企业;招用员工", "《中华人民共和国社会保险法》", "licence contract"),
        new("DL-HRS-004", "就业创业证申领", "Employment and entrepreneurship certificate", "DL-HRS", ServiceKind.PublicService, DeliveryLevel.OnThePalm, 5, 1, false, "就业;失业", "《就业服务与就业管理规定》", "id"),
        new("DL-HRS-005", "人力资源服务许可", "Human resources service licence", "DL-HRS", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 10, false, "", "《人力资源市场暂行条例》", "form licence premises staff"),
        new("DL-HRS-006", "一次性创业补贴申领", "One-off start-up subsidy", "DL-HRS", ServiceKind.AdministrativePayment, DeliveryLevel.Online, 20, 10, false, "开办企业", "《大连市就业创业扶持政策》", "form licence id"),
        new("DL-EEB-001", "建设项目环境影响报告书审批", "Approval of environmental impact reports for construction projects", "DL-EEB", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 60, 20, false, "投资建设", "《中华人民共和国环境影响评价法》", "form eia project"),
        new("DL-EEB-002", "建设项目环境影响登记表备案", "Filing of environmental impact registration forms", "DL-EEB", ServiceKind.Filing, DeliveryLevel.Online, 1, 0, true, "投资建设", "《中华人民共和国环境影响评价法》", "form"),
        new("DL-EEB-003", "排污许可证核发", "Pollutant discharge permit", "DL-EEB", ServiceKind.AdministrativeLicensing, DeliveryLevel.Online, 20, 10, false, "投资建设", "《排污许可管理条例》", "form licence eia"),
        new("DL-EEB-004", "危险废物经营许可", "Hazardous waste business licence", "DL-EEB", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 15, false, "", "《中华人民共和国固体废物污染环境防治法》", "form licence premises staff"),
        new("DL-NRB-001", "建设用地规划许可证核发", "Land-use planning permit for construction", "DL-NRB", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 7, false, "投资建设", "《中华人民共和国城乡规划法》", "form project land"),
        new("DL-NRB-002", "建设工程规划许可证核发", "Construction project planning permit", "DL-NRB", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 7, false, "投资建设", "《中华人民共和国城乡规划法》", "form land drawings"),
        new("DL-NRB-003", "不动产登记资料查询", "Search of the real estate register", "DL-NRB", ServiceKind.PublicService, DeliveryLevel.OnThePalm, 5, 0, true, "购房", "《不动产登记暂行条例》", "id"),
        new("DL-NRB-004", "海域使用权审核", "Review of sea area use rights", "DL-NRB", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 15, false, "投资建设", "《中华人民共和国海域使用管理法》", "form licence sea"),
        new("DL-BEB-001", "政务服务差评投诉受理", "Complaint about a poorly rated service", "DL-BEB", ServiceKind.PublicService, DeliveryLevel.OnThePalm, 5, 3, false, "", "《政务服务评价工作指南》", ""),
        new("DL-BEB-002", "企业开办一件事联办", "Opening a company in one go", "DL-BEB", ServiceKind.PublicService, DeliveryLevel.Online, 5, 1, false, "开办企业", "《优化营商环境条例》", "form charter rep premises"),
        new("DL-STB-001", "高新技术企业认定申报", "High-tech enterprise recognition", "DL-STB", ServiceKind.AdministrativeConfirmation, DeliveryLevel.Online, 60, 30, false, "", "《高新技术企业认定管理办法》", "form licence accounts staff"),
        new("DL-STB-002", "科技型中小企业评价入库", "Evaluation of technology-based small firms", "DL-STB", ServiceKind.AdministrativeConfirmation, DeliveryLevel.Online, 20, 5, true, "", "《科技型中小企业评价办法》", "form licence"),
        new("DL-IIT-001", "无线电台执照核发", "Radio station licence", "DL-IIT", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 10, false, "", "《中华人民共和国无线电管理条例》", "form licence inspection"),
        new("DL-IIT-002", "专精特新中小企业认定", "Recognition of specialised and innovative small firms", "DL-IIT", ServiceKind.AdministrativeConfirmation, DeliveryLevel.Online, 30, 20, false, "", "《优质中小企业梯度培育管理暂行办法》", "form licence accounts"),
        new("DL-FIN-001", "政府采购供应商投诉处理", "Handling of suppliers' complaints in public procurement", "DL-FIN", ServiceKind.Other, DeliveryLevel.Online, 30, 20, false, "", "《政府采购质疑和投诉办法》", "form licence"),
        new("DL-FIN-002", "代理记账机构执业许可", "Licence for bookkeeping agencies", "DL-FIN", ServiceKind.AdministrativeLicensing, DeliveryLevel.Online, 10, 5, false, "开办企业", "《代理记账管理办法》", "form licence staff accounts"),
        new("DL-ZS-001", "生育登记", "Birth registration", "DL-ZS", ServiceKind.PublicService, DeliveryLevel.OnThePalm, 1, 0, true, "新生儿出生", "《辽宁省人口与计划生育条例》", "id household"),
        new("DL-XG-001", "居住证办理", "Residence permit", "DL-XG", ServiceKind.AdministrativeConfirmation, DeliveryLevel.AtMostOnce, 15, 7, false, "落户", "《居住证暂行条例》", "id photo residence"),
        new("DL-SHK-001", "城乡居民基本养老保险参保登记", "Residents' basic pension insurance registration", "DL-SHK", ServiceKind.AdministrativeConfirmation, DeliveryLevel.RunImmediately, 5, 0, false, "退休", "《中华人民共和国社会保险法》", "id household"),
        new("DL-GJZ-001", "老年人优待证办理", "Senior citizen's card", "DL-GJZ", ServiceKind.PublicService, DeliveryLevel.RunImmediately, 5, 0, false, "退休", "《辽宁省老年人权益保障条例》", "id photo"),
        new("DL-JP-001", "临时占用城市道路许可", "Permit to occupy a city road temporarily", "DL-JP", ServiceKind.AdministrativeLicensing, DeliveryLevel.Online, 20, 5, false, "投资建设", "《城市道路管理条例》", "form licence drawings"),
        new("DL-FTZ-001", "外商投资企业信息报告", "Information report of a foreign-invested enterprise", "DL-FTZ", ServiceKind.Filing, DeliveryLevel.Online, 1, 0, true, "开办企业", "《外商投资信息报告办法》", "form licence"),
        new("DL-LSK-001", "城市建筑垃圾处置核准", "Approval of construction waste disposal", "DL-LSK", ServiceKind.AdministrativeLicensing, DeliveryLevel.AtMostOnce, 20, 5, false, "投资建设", "《城市建筑垃圾管理规定》", "form licence project"),
    ];

    /// <summary>The codes of the demo's items, in order (tests and documentation name them).</summary>
    public static IReadOnlyList<string> Codes => [.. Items.Select(i => i.Code)];

    /// <summary>The demo item that is withdrawn, with its reason.</summary>
    public const string WithdrawnCode = "DL-MSA-009";

    public async Task LoadAsync(IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        foreach (var spec in Items)
        {
            var visits = spec.Level is DeliveryLevel.AtMostOnce or DeliveryLevel.RunImmediately ? 1 : 0;
            var input = new ServiceItemInput(
                spec.Code, spec.NameZh, spec.NameEn, units[spec.Unit].Id, spec.Kind.ToString(), spec.Basis, spec.Statutory, spec.Committed,
                spec.Level.ToString(), visits, [.. spec.Materials.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(k => Palette[k])], 0m,
                spec.Events.Split(';', StringSplitOptions.RemoveEmptyEntries), spec.Auto)
            {
                ReviewSteps = DemoReviewSteps.ByCode.GetValueOrDefault(spec.Code),
            };
            var created = await catalogue.CreateAsync(input, cancellationToken);
            if (!created.IsDone)
            {
                throw new InvalidOperationException($"Demo item {spec.Code} was refused: {string.Join("; ", created.Errors?.ToDictionary().SelectMany(e => e.Value) ?? [])}");
            }

            if (spec.Code == WithdrawnCode)
            {
                await catalogue.WithdrawAsync(created.Value!.Id, "改为告知承诺制，不再审批。Replaced by a notification-and-commitment procedure.", 1, cancellationToken);
            }
        }
    }
}
