using Followthrough.Needs;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Demo;

/// <summary>
/// Enterprise needs (企业诉求) of the demo enterprise, in our own words, in every state, each taken through the module's
/// own rules by the demo staff of the units concerned and the supervision office: two just filed (one online, one
/// recorded after a visit), two dispatched (one of them past its limit), one answered and waiting for the callback, one
/// reopened at the supervision office after a dissatisfied callback, and three closed (satisfied, basically satisfied,
/// and dissatisfied after the reopening). The overdue one is moved back in time, as an import would.
/// </summary>
internal sealed class DemoNeeds(FollowthroughDb db, EnterpriseNeeds needs, NeedClock clock)
{
    private sealed record Story(
        NeedCategory Category, string Title, string Details, string ReceivedBy, bool Visit, (NeedAction Action, string By, NeedStepInput Input)[] Steps,
        int DaysAgo = 0, bool Publish = false);

    private static Story[] Stories(Dictionary<string, int> units) =>
    [
        new(NeedCategory.Approvals, "新厂房节能审查意见迟迟未出", "二期厂房的节能审查材料已于上月补齐，至今没有审查意见，影响开工许可的办理。希望告知卡在哪个环节、何时能出意见。",
            "drc", false, []),
        new(NeedCategory.Talent, "研发骨干落户和子女入学衔接不上", "走访时企业反映：新引进的三名博士已办理人才认定，但落户手续和子女就近入学分属不同部门，材料要交三遍，希望一次办完。",
            "stb", true, []),
        new(NeedCategory.Land, "二期项目用地指标尚未落实", "二期储能装备产线需新增工业用地约四十亩，园区已同意选址，但年度用地指标一直没有安排，设备订单已经签订。",
            "drc", false,
            [(NeedAction.Dispatch, "drc", new NeedStepInput(LeadUnitId: units["DL-NRB"], CoUnitIds: [units["DL-DRC"]], Note: "请市自然资源局牵头研究用地指标安排，市发展改革委配合项目论证。"))],
            DaysAgo: 28),
        new(NeedCategory.PolicyBottleneck, "新型储能容量补偿政策能否适用", "省里出台了新型储能参与电力市场的办法，但没有说明已投运的独立储能电站能否获得容量补偿，银行据此暂缓授信。",
            "stb", false,
            [
                (NeedAction.HandOn, "stb", new NeedStepInput(UnitId: units["DL-DRC"], Note: "电价和容量补偿政策由市发展改革委负责，转交其办理。")),
                (NeedAction.Dispatch, "drc", new NeedStepInput(LeadUnitId: units["DL-DRC"], CoUnitIds: [units["DL-STB"]], Note: "由我委价格处牵头答复，市科技局配合说明示范项目情况。")),
            ], Publish: true),
        new(NeedCategory.Financing, "首台套储能装备贷款贴息申请渠道", "企业首台套全钒液流电池装备拟申请贷款贴息，不清楚市里是否有配套政策、向哪个部门申请。",
            "drc", false,
            [
                (NeedAction.Dispatch, "drc", new NeedStepInput(LeadUnitId: units["DL-STB"], Note: "科技金融贴息由市科技局负责，请答复企业。")),
                (NeedAction.Answer, "stb", new NeedStepInput(Answer: "首台套装备可申报市科技型企业贷款贴息，每年三月和九月集中受理，申报指南已发至企业联系人邮箱，我局科技金融处可上门辅导。")),
            ], Publish: true),
        new(NeedCategory.MarketAccess, "储能电站参与辅助服务市场的准入条件", "企业希望以独立储能身份参与调峰辅助服务市场，但不清楚准入条件和注册流程。",
            "drc", false,
            [
                (NeedAction.Dispatch, "drc", new NeedStepInput(LeadUnitId: units["DL-DRC"], Note: "我委能源处研究答复。")),
                (NeedAction.Answer, "drc", new NeedStepInput(Answer: "请关注省能源主管部门的市场注册通知。")),
                (NeedAction.CallBack, "enterprise", new NeedStepInput(Satisfaction: Satisfaction.Dissatisfied, Note: "答复没有说明准入条件，只让我们等通知。")),
            ]),
        new(NeedCategory.Infrastructure, "厂区外道路夜间照明不足", "厂区外的园区道路没有路灯，夜班职工上下班不安全。",
            "eeb", false,
            [
                (NeedAction.HandOn, "eeb", new NeedStepInput(UnitId: units["DL-DRC"], Note: "道路照明不属于生态环境部门职责，转市发展改革委协调园区。")),
                (NeedAction.Dispatch, "drc", new NeedStepInput(LeadUnitId: units["DL-JP"], Note: "请金普新区协调园区管委会安装路灯。")),
                (NeedAction.Answer, "jp", new NeedStepInput(Answer: "园区管委会已将该路段纳入本月照明工程，月底前完成安装。")),
                (NeedAction.CallBack, "enterprise", new NeedStepInput(Satisfaction: Satisfaction.Satisfied, Note: "路灯已装好。")),
            ], Publish: true),
        new(NeedCategory.Other, "环评批复文件能否网上下载", "企业想知道过去的环评批复文件能否在网上下载电子版。",
            "eeb", false,
            [
                (NeedAction.Dispatch, "eeb", new NeedStepInput(LeadUnitId: units["DL-EEB"])),
                (NeedAction.Answer, "eeb", new NeedStepInput(Answer: "二〇一八年以后的批复可在政务服务网下载电子证照版，之前的请到窗口申请复印件。")),
                (NeedAction.CallBack, "enterprise", new NeedStepInput(Satisfaction: Satisfaction.BasicallySatisfied, Note: "早年的文件还得跑一趟。")),
            ]),
        new(NeedCategory.PolicyBottleneck, "研发费用加计扣除口径与税务不一致", "企业按科技部门的口径归集研发费用，税务部门核定时调减了一部分，两边口径不一。",
            "stb", false,
            [
                (NeedAction.Dispatch, "stb", new NeedStepInput(LeadUnitId: units["DL-STB"])),
                (NeedAction.Answer, "stb", new NeedStepInput(Answer: "已向企业解释科技部门的归集口径。")),
                (NeedAction.CallBack, "enterprise", new NeedStepInput(Satisfaction: Satisfaction.Dissatisfied, Note: "没有协调税务部门，问题没解决。")),
                (NeedAction.Dispatch, "supervisor", new NeedStepInput(LeadUnitId: units["DL-STB"], CoUnitIds: [units["DL-FIN"]], Note: "督查室重新交办：请市科技局会同市财政局与税务部门共同答复口径。")),
                (NeedAction.Answer, "stb", new NeedStepInput(Answer: "已与税务部门会商，口径以税务部门核定为准，差额部分不再追溯调整。")),
                (NeedAction.CallBack, "enterprise", new NeedStepInput(Satisfaction: Satisfaction.Dissatisfied, Note: "仍然少扣了一部分，我们保留意见。")),
            ]),
    ];

    public async Task LoadAsync(IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken = default)
    {
        var ids = units.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.Ordinal);
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.Role == Role.Enterprise || p.Role == Role.UnitStaff || p.Role == Role.Supervisor)
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var enterprise = people.First(p => p.Role == Role.Enterprise);
        CurrentUser As(Person p) => new(p.Id, p.NameZh, p.Role, p.UnitId);
        var cast = new Dictionary<string, CurrentUser>(StringComparer.Ordinal)
        {
            ["enterprise"] = As(enterprise),
            ["supervisor"] = As(people.First(p => p.Role == Role.Supervisor)),
            ["drc"] = As(people.First(p => p.Role == Role.UnitStaff && p.UnitId == ids["DL-DRC"])),
            ["stb"] = As(people.First(p => p.Role == Role.UnitStaff && p.UnitId == ids["DL-STB"])),
            ["eeb"] = As(people.First(p => p.Role == Role.UnitStaff && p.UnitId == ids["DL-EEB"])),
            ["jp"] = new CurrentUser(null, "金普新区营商服务专员", Role.UnitStaff, ids["DL-JP"]), // the district has no demo sign-in
        };
        foreach (var story in Stories(ids))
        {
            var by = cast[story.ReceivedBy];
            var input = new NeedInput(story.Category, story.Title, story.Details, story.Publish, by.UnitId, story.Visit ? enterprise.Id : null);
            var filed = await needs.FileAsync(story.Visit ? by : cast["enterprise"], input, cancellationToken);
            var need = filed.IsDone ? filed.Value! : throw new InvalidOperationException($"Demo need {story.Title}: {filed.Kind} {string.Join(" ", filed.Errors?.Messages ?? [])}");
            foreach (var (action, who, stepInput) in story.Steps)
            {
                var taken = await needs.TakeStepAsync(cast[who], need.Id, action, stepInput, need.Version, cancellationToken);
                need = taken.IsDone ? taken.Value! : throw new InvalidOperationException($"Demo need {story.Title}, {action}: {taken.Kind} {taken.Reason}");
            }

            if (story.DaysAgo > 0)
            {
                await BackdateAsync(need.Id, story.DaysAgo, cancellationToken);
            }
        }
    }

    /// <summary>Moves a need's filing and steps <paramref name="daysAgo"/> days back and counts its limit from then.</summary>
    private async Task BackdateAsync(int id, int daysAgo, CancellationToken cancellationToken)
    {
        var need = await db.Set<EnterpriseNeed>().SingleAsync(n => n.Id == id, cancellationToken);
        var from = need.ClockFrom.AddDays(-daysAgo);
        (need.ClockFrom, need.DueOn) = (from, (await clock.DueAsync(need.Category, from, cancellationToken)).Due);
        need.FiledAt = need.FiledAt.AddDays(-daysAgo);
        foreach (var step in await db.Set<EnterpriseNeedStep>().Where(s => s.NeedId == id).ToListAsync(cancellationToken))
        {
            step.TakenAt = step.TakenAt.AddDays(step.Step == NeedStep.Filed ? -daysAgo : -daysAgo + 1);
        }

        db.DescribeNextSave("created", "Demo data");
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
