using System.Globalization;
using System.Text;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Followthrough.Demo.DemoTimeline;

namespace Followthrough.Demo;

/// <summary>
/// Demo tasks, written from the facts of the Dalian reports: measures of the 14th Five-Year Plan and the work items
/// of the municipal standing committee's enlarged meeting of 21 April 2021. Every date is counted back or forward from
/// today on the working-day calendar, so whenever the demo is loaded some tasks are on time, some due soon, some
/// overdue, some waiting for verification or for an extension decision, and some closed, on time or late.
/// </summary>
public sealed class DemoTasks(FollowthroughDb db, IWorkingDayCalendar calendar, EvidenceStore evidence, IOptions<TaskOptions> options)
{
    private const string Meeting = "市委常委会扩大会议 2021-04-21";
    private const string Plan = "大连市“十四五”规划纲要";

    /// <summary>How a demo task's story has gone so far.</summary>
    private enum Story
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

    private sealed record Spec(
        Story Story,
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

    private static readonly Spec[] Specs =
    [
        new(Story.Overdue, "逐项整改中央生态环境保护督察反馈问题",
            "对照督察反馈清单，一个问题一个方案，明确整改时限和责任人，整改一项、验收一项、销号一项。",
            OriginKind.InspectionFinding, Meeting + " 第1项", "DL-EEB",
            [("DL-NRB", "核查涉海涉地问题并提供用地用海材料"), ("DL-IIT", "督促涉事工业企业落实污染治理")],
            SupervisionLevel.Key, ReportingCadence.Monthly, 70, ["生态环境", "督察整改"], "整改方案报市政府"),
        new(Story.ExtensionPending, "推进中心城区工业企业搬迁改造",
            "分区域、分类型制定搬迁改造政策，完善配套措施，确保企业搬得走、落得稳、发展好。",
            OriginKind.Directive, Meeting + " 第2项", "DL-IIT",
            [("DL-NRB", "做好搬迁用地规划和供地"), ("DL-FIN", "落实搬迁补助资金"), ("DL-GJZ", "承接企业落地服务")],
            SupervisionLevel.Key, ReportingCadence.Quarterly, 95, ["城市更新", "产业转型"], "首批搬迁企业名单确定"),
        new(Story.ReportOverdue, "切实为基层减负，精简会议文件和重复报表",
            "整治形式主义、官僚主义，压减发文和会议数量，清理向基层重复要数据的报表。",
            OriginKind.Directive, Meeting + " 第3项", "DL-GO",
            [("DL-ZS", "报送本区报表清理情况"), ("DL-XG", "报送本区报表清理情况")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 60, ["基层减负"]),
        new(Story.AwaitingVerification, "争取更多先行先试政策在自贸试验区大连片区落地",
            "主动对接国家战略，以高水平制度创新成果扩大对外开放。",
            OriginKind.Directive, Meeting + " 第4项", "DL-FTZ",
            [("DL-BEB", "梳理可复制推广的改革事项"), ("DL-DRC", "向上争取政策支持")],
            SupervisionLevel.Key, ReportingCadence.Monthly, 50, ["对外开放"]),
        new(Story.ToSignFor, "加快建设重大科研平台，推动科技成果就地转化",
            "发挥科研院所和高校产学研结合优势，整合资源、创造条件、强化保障。",
            OriginKind.Directive, Meeting + " 第5项", "DL-STB",
            [("DICP", "储能等领域成果转化项目清单"), ("DUT", "共建联合实验室")],
            SupervisionLevel.Key, ReportingCadence.Monthly, 1, ["科技创新"]),
        new(Story.ClosedOnTime, "做好老字号改造提升和新品牌培育",
            "推动老字号创新发展，深耕原字号，培育壮大新字号。",
            OriginKind.Directive, Meeting + " 第6项", "DL-MSA",
            [("DL-IIT", "支持品牌企业技术改造")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 80, ["营商环境"]),
        new(Story.ClosedLate, "研究与试验发展经费投入强度保持增长（2019年为2.85%）",
            "落实研发投入加计扣除等政策，引导企业加大研发投入。",
            OriginKind.PlanItem, Plan + "：科技创新", "DL-STB",
            [("DL-FIN", "保障财政科技投入")],
            SupervisionLevel.Routine, ReportingCadence.Quarterly, 110, ["科技创新", "十四五"]),
        new(Story.DueSoon, "空气质量优良天数保持在每年300天以上",
            "统筹抓好扬尘、机动车和工业源治理，落实重污染天气应对措施。",
            OriginKind.PlanItem, Plan + "：绿色发展", "DL-EEB",
            [("DL-IIT", "工业企业错峰生产")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 45, ["生态环境", "十四五"]),
        new(Story.Draft, "建设东北亚科技创新创业创投中心",
            "集聚创业投资机构和科技型企业，完善从研发到产业化的服务链条。",
            OriginKind.PlanItem, Plan + "：科技创新", "DL-STB",
            [("DL-FIN", "设立引导基金")],
            SupervisionLevel.Key, ReportingCadence.Quarterly, 0, ["科技创新", "十四五"]),
        new(Story.ReturnedByUnit, "推进“美丽示范村”和“干净村”建设",
            "巩固100个美丽示范村、755个干净村的建设成果。",
            OriginKind.PlanItem, Plan + "：城乡布局", "DL-HRS",
            [],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 6, ["乡村振兴", "十四五"]),
        new(Story.Split, "保持6条河流21个断面水质全部达标",
            "落实河长制，按断面制定达标方案，沿河区域分段负责。",
            OriginKind.PlanItem, Plan + "：绿色发展", "DL-EEB",
            [("DL-JP", "负责辖区内断面达标"), ("DL-GJZ", "负责辖区内断面达标")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 30, ["生态环境", "十四五"]),
        new(Story.ReportReturned, "把规划目标分解为年度政府工作报告任务",
            "将规划确定的主要指标和重大工程逐年分解，纳入年度计划。",
            OriginKind.PlanItem, Plan + "：实施保障", "DL-DRC",
            [("DL-FIN", "做好资金保障安排")],
            SupervisionLevel.Routine, ReportingCadence.Monthly, 40, ["十四五"]),
        new(Story.OnTrack, "近岸海域优良水质比例保持在96.5%以上",
            "加强入海排污口整治和近岸海域监测。",
            OriginKind.PlanItem, Plan + "：绿色发展", "DL-EEB",
            [("DL-NRB", "海域使用监管")],
            SupervisionLevel.Routine, ReportingCadence.Quarterly, 20, ["生态环境", "十四五"]),
    ];

    private DateOnly _today;
    private int _sequence;
    private Person _leader = null!;
    private Person _supervisor = null!;
    private Dictionary<int, Person> _staff = [];

    public async Task LoadAsync(IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        _today = db.Clock.Today();
        var people = await db.Set<Person>().ToListAsync(cancellationToken);
        _leader = people.First(p => p.Role == Role.Leader);
        _supervisor = people.First(p => p.Role == Role.Supervisor);
        _staff = people.Where(p => p.Role == Role.UnitStaff && p.UnitId is not null).GroupBy(p => p.UnitId!.Value).ToDictionary(g => g.Key, g => g.First());
        _sequence = 0;
        foreach (var spec in Specs)
        {
            await AddAsync(spec, units, cancellationToken);
        }
    }

    private async Task AddAsync(Spec spec, IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken)
    {
        var assigned = Back(spec.AssignedWorkingDaysAgo);
        var task = new WorkTask
        {
            Code = TaskService.Code($"{options.Value.CodePrefix}-{_today.Year.ToString(CultureInfo.InvariantCulture)}-", ++_sequence),
            Title = spec.Title,
            Description = spec.Description,
            OriginKind = spec.Origin,
            OriginReference = spec.Reference,
            LeadLeaderId = _leader.Id,
            LeadUnitId = units[spec.Lead].Id,
            ResponsiblePersonId = _staff.TryGetValue(units[spec.Lead].Id, out var staff) ? staff.Id : null,
            SupervisionLevel = spec.Level,
            StartDate = assigned,
            ReportingCadence = spec.Cadence,
            State = TaskState.Draft,
            CreatedById = _supervisor.Id,
            Partners = [.. spec.Partners.Select(p => new TaskPartner { UnitId = units[p.Unit].Id, Part = p.Part })],
            Tags = [.. spec.Tags.Select(t => new TaskTag { Tag = t })],
        };
        SetDeadline(task, spec.Story, assigned);
        if (spec.Node is { } node && task.Deadline is { } deadline)
        {
            var due = calendar.Add(assigned, Math.Max(1, calendar.Between(assigned, deadline) / 3));
            task.TimeNodes.Add(new TimeNode { Title = node, DueOn = due, ReachedOn = due <= _today ? due.AddDays(-1) : null });
        }

        db.Set<WorkTask>().Add(task);
        Step(task, "created", assigned.AddDays(-2), null, TaskState.Draft, _supervisor, "据" + spec.Reference + "分解");
        db.DescribeNextSave("created", "Demo data");
        await db.SaveChangesAsync(cancellationToken); // later records refer to the task's id
        var reports = new List<DateOnly>();
        if (spec.Story != Story.Draft)
        {
            Assign(task, assigned);
            await TellAsync(task, spec.Story, assigned, staff, reports, cancellationToken);
        }

        task.RefreshDue(reports, _today);
        db.DescribeNextSave("created", "Demo data");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The deadline that gives the story its standing today.</summary>
    private void SetDeadline(WorkTask task, Story story, DateOnly assigned)
    {
        (task.DeadlineKind, task.Deadline, task.DeadlineWorkingDays) = story switch
        {
            Story.Draft or Story.ToSignFor => (DeadlineKind.WorkingDays, (DateOnly?)null, (int?)60),
            Story.ReportOverdue => (DeadlineKind.None, null, null),
            Story.Overdue => (DeadlineKind.Date, Back(12), null),
            Story.DueSoon => (DeadlineKind.Date, calendar.Add(_today, 2), null),
            Story.ClosedLate => (DeadlineKind.Date, Back(30), null),
            Story.ClosedOnTime => (DeadlineKind.Date, Back(5), null),
            Story.ExtensionPending => (DeadlineKind.Date, calendar.Add(_today, 8), null),
            _ => (DeadlineKind.Date, calendar.Add(assigned, 120), null),
        };
    }

    private void Assign(WorkTask task, DateOnly on)
    {
        if (task.DeadlineKind == DeadlineKind.WorkingDays)
        {
            task.Deadline = calendar.Add(on, task.DeadlineWorkingDays!.Value);
        }

        task.DeadlineProvisional = task.Deadline is { } d && calendar.AnyProvisional(on, d);
        task.AssignedOn = on;
        task.SignForBy = calendar.Add(on, options.Value.SignForWorkingDays);
        task.State = TaskState.Assigned;
        Step(task, "assign", on, TaskState.Draft, TaskState.Assigned, _supervisor, "请按要求抓好落实，按期报送进展", task.Deadline is { } due ? $"deadline {Iso(due)}" : "no fixed deadline");
    }

    private async Task TellAsync(WorkTask task, Story story, DateOnly assigned, Person? staff, List<DateOnly> reports, CancellationToken cancellationToken)
    {
        var unitStaff = staff ?? _supervisor;
        switch (story)
        {
            case Story.ToSignFor:
                return;
            case Story.ReturnedByUnit:
                task.State = TaskState.Returned;
                task.SignForBy = null;
                Step(task, "return", calendar.Add(assigned, 1), TaskState.Assigned, TaskState.Returned, unitStaff, "该事项主要涉及农业农村部门职责，建议改由相关部门牵头");
                return;
        }

        var signed = calendar.Add(assigned, 1);
        task.SignedOn = signed;
        task.State = TaskState.SignedFor;
        Step(task, "sign-for", signed, TaskState.Assigned, TaskState.SignedFor, unitStaff, "已签收，明确专人负责");
        if (story == Story.ReportOverdue)
        {
            return; // signed for, and silent since
        }

        // Reports at the end of each period gone by, on time; the percent rising with them.
        var lastDay = story switch
        {
            Story.ClosedLate => calendar.Add(task.Deadline!.Value, 6),
            Story.ClosedOnTime => Back(8),
            _ => _today,
        };
        var monthEnds = new List<DateOnly>();
        for (var end = MonthEnd(signed); end < lastDay; end = MonthEnd(end.AddDays(1)))
        {
            monthEnds.Add(end.AddDays(-2));
        }

        var percent = 0;
        foreach (var on in monthEnds.Where(d => d > signed))
        {
            percent = Math.Min(90, percent + 25);
            await ReportAsync(task, on, percent, unitStaff, reports, null, cancellationToken);
        }

        switch (story)
        {
            case Story.ExtensionPending:
                db.Set<ExtensionRequest>().Add(new ExtensionRequest
                {
                    TaskId = task.Id,
                    PreviousDeadline = task.Deadline,
                    RequestedDeadline = calendar.Add(task.Deadline!.Value, 40),
                    Reason = "部分企业新址用地手续尚在办理，申请延期两个月",
                    RequestedAt = At(Back(2)),
                    RequestedByName = "demo",
                });
                task.ExtensionPending = true;
                Step(task, "request-extension", Back(2), task.State, task.State, unitStaff, "部分企业新址用地手续尚在办理，申请延期两个月");
                break;
            case Story.ReportReturned:
                var returned = await ReportAsync(task, Back(3), percent + 10, unitStaff, reports, null, cancellationToken);
                returned.ReturnedAt = At(Back(1));
                returned.ReturnedByName = "supervisor";
                returned.ReturnReason = "年度任务分解表缺少责任单位，请补充后重报";
                reports.Remove(returned.ReportedOn);
                task.NeedsRework = true;
                task.Percent = percent;
                Step(task, "return-report", Back(1), task.State, task.State, _supervisor, returned.ReturnReason);
                break;
            case Story.AwaitingVerification:
                await ReportAsync(task, Back(2), 100, unitStaff, reports, "整改情况说明.txt", cancellationToken, claim: true);
                break;
            case Story.ClosedOnTime or Story.ClosedLate:
                var claimed = story == Story.ClosedOnTime ? Back(8) : calendar.Add(task.Deadline!.Value, 6);
                await ReportAsync(task, claimed, 100, unitStaff, reports, "完成情况报告.txt", cancellationToken, claim: true);
                var closed = calendar.Add(claimed, 2);
                task.ClosedOn = closed;
                task.State = TaskState.Closed;
                Step(task, "verify", closed, TaskState.CompletionClaimed, TaskState.Closed, _supervisor, "经现场核验，同意销号");
                break;
            case Story.Split:
                var number = 0;
                foreach (var partner in task.Partners)
                {
                    var sub = new WorkTask
                    {
                        Code = $"{task.Code}-{(++number).ToString("D2", CultureInfo.InvariantCulture)}",
                        ParentId = task.Id,
                        Title = partner.Part,
                        Description = task.Title,
                        OriginKind = task.OriginKind,
                        OriginReference = task.Code,
                        LeadLeaderId = task.LeadLeaderId,
                        LeadUnitId = partner.UnitId,
                        SupervisionLevel = task.SupervisionLevel,
                        DeadlineKind = DeadlineKind.Date,
                        Deadline = task.Deadline,
                        DeadlineProvisional = task.DeadlineProvisional,
                        ReportingCadence = task.ReportingCadence,
                        State = TaskState.Assigned,
                        AssignedOn = calendar.Add(signed, 1),
                        SignForBy = calendar.Add(calendar.Add(signed, 1), options.Value.SignForWorkingDays),
                        CreatedById = unitStaff.Id,
                    };
                    if (number == 1)
                    {
                        sub.State = TaskState.SignedFor;
                        sub.SignedOn = calendar.Add(signed, 2);
                    }

                    sub.RefreshDue([], _today);
                    partner.SubTask = sub;
                    db.Set<WorkTask>().Add(sub);
                    Step(sub, "assign", calendar.Add(signed, 1), null, TaskState.Assigned, unitStaff, $"由 {task.Code} 分解");
                    if (number == 1)
                    {
                        Step(sub, "sign-for", calendar.Add(signed, 2), TaskState.Assigned, TaskState.SignedFor, unitStaff, "已签收");
                    }
                }

                Step(task, "split", calendar.Add(signed, 1), task.State, task.State, unitStaff, "按辖区分解到沿河各区");
                break;
        }
    }

    private async Task<ProgressReport> ReportAsync(
        WorkTask task, DateOnly on, int percent, Person by, List<DateOnly> reports, string? file, CancellationToken cancellationToken, bool claim = false)
    {
        var report = new ProgressReport
        {
            TaskId = task.Id,
            ReportedOn = on,
            ReportedAt = At(on),
            ReportedById = by.Id,
            ReportedByName = by.NameZh,
            Percent = percent,
            Done = claim ? "各项工作已全部完成，经自查达到预期目标。" : $"按计划推进，累计完成{percent.ToString(CultureInfo.InvariantCulture)}%。",
            NextSteps = claim ? string.Empty : "继续按时间节点推进，下月底前报送进展。",
            ClaimsCompletion = claim,
        };
        db.Set<ProgressReport>().Add(report);
        if (file is not null)
        {
            var content = Encoding.UTF8.GetBytes($"{task.Code} {task.Title}\n完成情况：经自查，各项任务已按要求完成。\n报送日期：{Iso(on)}\n");
            var sha = EvidenceStore.Checksum(content);
            await evidence.SaveAsync(sha, content, cancellationToken);
            db.Set<EvidenceFile>().Add(new EvidenceFile
            {
                TaskId = task.Id,
                Report = report,
                FileName = file,
                ContentType = "text/plain; charset=utf-8",
                SizeBytes = content.Length,
                Sha256 = sha,
                UploadedAt = At(on),
            });
        }

        var from = task.State;
        task.State = claim ? TaskState.CompletionClaimed : TaskState.InProgress;
        task.Percent = percent;
        task.LastReportOn = on;
        if (claim)
        {
            task.CompletionClaimedOn = on;
        }

        reports.Add(on);
        Step(task, claim ? "claim-completion" : "report-progress", on, from, task.State, by, report.Done, $"{percent.ToString(CultureInfo.InvariantCulture)}%");
        return report;
    }

    private void Step(WorkTask task, string action, DateOnly on, TaskState? from, TaskState? to, Person by, string? comment, string? details = null) =>
        DemoTimeline.Step(db, task, action, on, from, to, by, comment, details);

    /// <summary>The working day <paramref name="workingDays"/> working days before today.</summary>
    private DateOnly Back(int workingDays)
    {
        var day = _today;
        for (var found = 0; found < workingDays;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                found++;
            }
        }

        return day;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
