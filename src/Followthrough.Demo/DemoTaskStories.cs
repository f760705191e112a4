using Followthrough.Tasks;

namespace Followthrough.Demo;

/// <summary>How a demo task's story has gone so far.</summary>
internal enum DemoStory
{
    Draft,
    ToSignFor,
    ReturnedByUnit,
    OnTrack,
    DueSoon,
    Overdue,
    ReportOverdue,
    ExtensionPending,
    ReportReturned,
    AwaitingVerification,
    ClosedOnTime,
    ClosedLate,
    Split,
}

/// <summary>One demo task: where it comes from, who leads and helps, and the story its past is written to.</summary>
internal sealed record DemoTaskSpec(
    DemoStory Story,
    string Title,
    string Description,
    OriginKind Origin,
    string Reference,
    string Lead,
    (string Unit, string Part)[] Partners,
    SupervisionLevel Level,
    ReportingCadence Cadence,
    int AssignedWorkingDaysAgo,
    string[] Tags,
    string? Node = null);

/// <summary>
/// The demo tasks, written from the facts of the Dalian reports: measures of the 14th Five-Year Plan and the work items
/// of the municipal standing committee's enlarged meeting of 21 April 2021, one for each story a task can have so far.
/// </summary>
internal static class DemoTaskStories
{
    private const string Meeting = "市委常委会扩大会议 2021-04-21";
    private const string Plan = "大连市“十四五”规划纲要";

    public static readonly DemoTaskSpec[] All =
    [
        new(DemoStory.Overdue, "逐项整改中央生态环境保护督察反馈问题",
            "对照督察反馈清单，一个问题一个方案，明确整改时限和责任人，整改一项、验收一项、销号一项。",
            OriginKind.InspectionFinding, Meeting + " 第1项", "DL-EEB",
            [("DL-NRB", "核查涉海涉地问题并提供用地用海材料"), ("DL-IIT", "督促涉事工业企业落实污染治理")],
            SupervisionLevel.Key, ReportingCadence.Monthly, 70, ["生态环境", "督察整改"], "整改方案报市政府"),
        new(DemoStory.ExtensionPending, "推进中心城区工业企业搬迁改造",
            "分区域、分类型制定搬迁改造政策，完善配套措施，确保企业搬得走、落得稳、发展好。",
            OriginKind.Directive, Meeting + " 第2项", "DL-IIT",
            [("DL-NRB", "做好搬迁用地规划和供地"), ("DL-FIN", "落实搬迁补助资金"), ("DL-GJZ", "承接企业落地服务")],
            SupervisionLevel.Key, ReportingCadence.Quarterly, 95, ["城市更新", "产业转型"], "首批搬迁企业名单确定"),
        new(DemoStory.ReportOverdue, "切实为基层减负，精简会议文件和重复报表",
            "整治形式主义、官僚主义，压减发文和会议数量，清理向基层重复要数据的报表。",
            OriginKind.Directive, Meeting + " 第3项", "DL-GO",
            [("DL-ZS", "报送本区报表清理情况"), ("DL-XG", "报送本区报表清理情况")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 60, ["基层减负"]),
        new(DemoStory.AwaitingVerification, "争取更多先行先试政策在自贸试验区大连片区落地",
            "主动对接国家战略，以高水平制度创新成果扩大对外开放。",
            OriginKind.Directive, Meeting + " 第4项", "DL-FTZ",
            [("DL-BEB", "梳理可复制推广的改革事项"), ("DL-DRC", "向上争取政策支持")],
            SupervisionLevel.Key, ReportingCadence.Monthly, 50, ["对外开放"]),
        new(DemoStory.ToSignFor, "加快建设重大科研平台，推动科技成果就地转化",
            "发挥科研院所和高校产学研结合优势，整合资源、创造条件、强化保障。",
            OriginKind.Directive, Meeting + " 第5项", "DL-STB",
            [("DICP", "储能等领域成果转化项目清单"), ("DUT", "共建联合实验室")],
            SupervisionLevel.Key, ReportingCadence.Monthly, 1, ["科技创新"]),
        new(DemoStory.ClosedOnTime, "做好老字号改造提升和新品牌培育",
            "推动老字号创新发展，深耕原字号，培育壮大新字号。",
            OriginKind.Directive, Meeting + " 第6项", "DL-MSA",
            [("DL-IIT", "支持品牌企业技术改造")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 80, ["营商环境"]),
        new(DemoStory.ClosedLate, "研究与试验发展经费投入强度保持增长（2019年为2.85%）",
            "落实研发投入加计扣除等政策，引导企业加大研发投入。",
            OriginKind.PlanItem, Plan + "：科技创新", "DL-STB",
            [("DL-FIN", "保障财政科技投入")],
            SupervisionLevel.Routine, ReportingCadence.Quarterly, 110, ["科技创新", "十四五"]),
        new(DemoStory.DueSoon, "空气质量优良天数保持在每年300天以上",
            "统筹抓好扬尘、机动车和工业源治理，落实重污染天气应对措施。",
            OriginKind.PlanItem, Plan + "：绿色发展", "DL-EEB",
            [("DL-IIT", "工业企业错峰生产")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 45, ["生态环境", "十四五"]),
        new(DemoStory.Draft, "建设东北亚科技创新创业创投中心",
            "集聚创业投资机构和科技型企业，完善从研发到产业化的服务链条。",
            OriginKind.PlanItem, Plan + "：科技创新", "DL-STB",
            [("DL-FIN", "设立引导基金")],
            SupervisionLevel.Key, ReportingCadence.Quarterly, 0, ["科技创新", "十四五"]),
        new(DemoStory.ReturnedByUnit, "推进“美丽示范村”和“干净村”建设",
            "巩固100个美丽示范村、755个干净村的建设成果。",
            OriginKind.PlanItem, Plan + "：城乡布局", "DL-HRS",
            [],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 6, ["乡村振兴", "十四五"]),
        new(DemoStory.Split, "保持6条河流21个断面水质全部达标",
            "落实河长制，按断面制定达标方案，沿河区域分段负责。",
            OriginKind.PlanItem, Plan + "：绿色发展", "DL-EEB",
            [("DL-JP", "负责辖区内断面达标"), ("DL-GJZ", "负责辖区内断面达标")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 30, ["生态环境", "十四五"]),
        new(DemoStory.ReportReturned, "把规划目标分解为年度政府工作报告任务",
            "将规划确定的主要指标和重大工程逐年分解，纳入年度计划。",
            OriginKind.PlanItem, Plan + "：实施保障", "DL-DRC",
            [("DL-FIN", "做好资金保障安排")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 40, ["十四五"]),
        new(DemoStory.OnTrack, "近岸海域优良水质比例保持在96.5%以上",
            "加强入海排污口整治和近岸海域监测。",
            OriginKind.PlanItem, Plan + "：绿色发展", "DL-EEB",
            [("DL-NRB", "海域使用监管")],
            SupervisionLevel.Routine, ReportingCadence.Quarterly, 20, ["生态环境", "十四五"]),
    ];
}
