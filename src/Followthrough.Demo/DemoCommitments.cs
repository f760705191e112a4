using System.Globalization;
using Followthrough.Evaluation;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using static Followthrough.Demo.DemoTimeline;

namespace Followthrough.Demo;

/// <summary>
/// Demo leader commitments, written from the facts of the Dalian reports (636 services on mobile in 2020, the relocation
/// of the central city's industrial enterprises, citizens' good/bad ratings of services), dated from the quarter
/// boundaries so the bulletin of the current and of the previous quarter both have settled rows whenever the demo is
/// loaded: one kept in the previous quarter, one overdue since the first day of the current one, one on schedule.
/// Also a quality score and a reward for the previous quarter and an accountability note for the current one.
/// </summary>
internal sealed class DemoCommitments(FollowthroughDb db, TaskWriting tasks, IWorkingDayCalendar calendar)
{
    private sealed record Spec(string Title, string Description, string Occasion, string Unit, ReportingCadence Cadence);

    private static readonly Spec Mobile = new(
        "政务服务“掌上办”事项扩大到700项以上",
        "在已有636项可在手机上办理事项的基础上，把企业和群众办得最多的事项继续移到移动端。",
        "政府工作报告新闻发布会", "DL-BEB", ReportingCadence.Monthly);

    private static readonly Spec Relocation = new(
        "中心城区首批搬迁工业企业全部签订搬迁协议",
        "对首批列入搬迁改造名单的企业逐户上门对接，落实新址和补助政策，完成协议签订。",
        "市政府常务会议公开表态", "DL-IIT", ReportingCadence.Monthly);

    private static readonly Spec Ratings = new(
        "政务服务差评件做到件件核实整改、逐一回访",
        "对“好差评”系统中群众给出的每一条差评，核实原因、限期整改并回访评价人。",
        "政风行风热线直播", "DL-BEB", ReportingCadence.Quarterly);

    private DateOnly _today;
    private Person _leader = null!;
    private Person _supervisor = null!;

    public async Task LoadAsync(IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        _today = tasks.Today;
        var people = await db.Set<Person>().AsNoTracking().ToListAsync(cancellationToken);
        _leader = people.First(p => p.Role == Role.Leader);
        _supervisor = people.First(p => p.Role == Role.Supervisor);
        var current = EvaluationPeriod.QuarterOf(_today);
        var previous = current.PreviousQuarter();

        // Kept: due in the middle of the previous quarter, claimed three days early, verified two working days later.
        var keptBy = calendar.Add(previous.From.AddDays(40), 1);
        await AddAsync(Mobile, units, people, keptBy, assigned: keptBy.AddDays(-75), claimed: keptBy.AddDays(-3), cancellationToken);

        // Overdue: due on the first day of the current quarter, still in progress.
        await AddAsync(Relocation, units, people, current.From, assigned: current.From.AddDays(-70), claimed: null, cancellationToken);

        // On schedule: promised about four months out.
        await AddAsync(Ratings, units, people, calendar.Add(_today, 80), assigned: _today.AddDays(-20), claimed: null, cancellationToken);

        var supervisorName = _supervisor.NameZh;
        db.Set<EvaluationScore>().Add(new EvaluationScore
        {
            UnitId = units[Mobile.Unit].Id, Period = previous.Key, Score = 92, Comment = "承诺事项提前兑现，佐证材料齐全",
            EnteredById = _supervisor.Id, EnteredByName = supervisorName,
        });
        db.Set<EvaluationNote>().Add(new EvaluationNote
        {
            UnitId = units[Mobile.Unit].Id, Period = previous.Key, Kind = NoteKind.Reward,
            Text = "提前兑现“掌上办”扩项承诺，予以通报表扬。", RecordedById = _supervisor.Id, RecordedByName = supervisorName,
            RecordedAt = At(_today.AddDays(-1)),
        });
        db.Set<EvaluationNote>().Add(new EvaluationNote
        {
            UnitId = units[Relocation.Unit].Id, Period = current.Key, Kind = NoteKind.Accountability,
            Text = "领导承诺事项逾期未兑现，约谈分管负责同志，限期拿出补救措施。", RecordedById = _supervisor.Id, RecordedByName = supervisorName,
            RecordedAt = At(_today),
        });
        db.DescribeNextSave("created", "Demo data");
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddAsync(Spec spec, IReadOnlyDictionary<string, Unit> units, List<Person> people, DateOnly deadline,
        DateOnly assigned, DateOnly? claimed, CancellationToken cancellationToken)
    {
        var unit = units[spec.Unit];
        var staff = people.FirstOrDefault(p => p.Role == Role.UnitStaff && p.UnitId == unit.Id) ?? _supervisor;
        var signed = calendar.Add(assigned, 1);
        var task = new WorkTask
        {
            Code = await tasks.NextCodeAsync(cancellationToken),
            Title = spec.Title,
            Description = spec.Description,
            OriginKind = OriginKind.LeaderCommitment,
            OriginReference = spec.Occasion,
            LeadLeaderId = _leader.Id,
            LeadUnitId = unit.Id,
            ResponsiblePersonId = staff == _supervisor ? null : staff.Id,
            SupervisionLevel = SupervisionLevel.Key,
            StartDate = assigned,
            DeadlineKind = DeadlineKind.Date,
            Deadline = deadline,
            DeadlineProvisional = calendar.AnyProvisional(assigned, deadline),
            ReportingCadence = spec.Cadence,
            State = TaskState.SignedFor,
            AssignedOn = assigned,
            SignForBy = calendar.Add(assigned, 3),
            SignedOn = signed,
            CreatedById = _supervisor.Id,
        };
        db.Set<WorkTask>().Add(task);
        Step(task, "created", assigned, null, TaskState.Draft, _supervisor, "据" + spec.Occasion + "领导公开承诺立项");
        Step(task, "assign", assigned, TaskState.Draft, TaskState.Assigned, _supervisor, "领导公开承诺事项，请按期兑现");
        Step(task, "sign-for", signed, TaskState.Assigned, TaskState.SignedFor, staff, "已签收，主要负责同志亲自抓");
        db.DescribeNextSave("created", "Demo data");
        await db.SaveChangesAsync(cancellationToken); // reports refer to the task's id

        // A report two days before each month's end, up to the claim (or today).
        var last = claimed ?? _today;
        var reports = new List<DateOnly>();
        for (var end = MonthEnd(signed); end.AddDays(-2) < last; end = MonthEnd(end.AddDays(1)))
        {
            var on = end.AddDays(-2);
            if (on > signed)
            {
                reports.Add(on);
            }
        }

        var percent = 0;
        foreach (var on in reports)
        {
            percent = Math.Min(90, percent + 30);
            Report(task, on, percent, staff, claim: false);
        }

        if (claimed is { } claimDay)
        {
            Report(task, claimDay, 100, staff, claim: true);
            var closed = calendar.Add(claimDay, 2);
            task.ClosedOn = closed;
            task.State = TaskState.Closed;
            Step(task, "verify", closed, TaskState.CompletionClaimed, TaskState.Closed, _supervisor, "经抽查核实，承诺已兑现，同意销号");
        }
        else
        {
            reports.RemoveAll(d => d > _today);
        }

        task.RefreshDue(reports, _today);
        db.DescribeNextSave("created", "Demo data");
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Report(WorkTask task, DateOnly on, int percent, Person by, bool claim)
    {
        db.Set<ProgressReport>().Add(new ProgressReport
        {
            TaskId = task.Id,
            ReportedOn = on,
            ReportedAt = At(on),
            ReportedById = by.Id,
            ReportedByName = by.NameZh,
            Percent = percent,
            Done = claim ? "承诺事项已全部兑现，附完成情况说明。" : $"按进度推进，已完成约{percent.ToString(CultureInfo.InvariantCulture)}%。",
            ClaimsCompletion = claim,
        });
        var from = task.State;
        task.State = claim ? TaskState.CompletionClaimed : TaskState.InProgress;
        task.Percent = percent;
        task.LastReportOn = on;
        if (claim)
        {
            task.CompletionClaimedOn = on;
        }

        Step(task, claim ? "claim-completion" : "report-progress", on, from, task.State, by, null, $"{percent.ToString(CultureInfo.InvariantCulture)}%");
    }

    private void Step(WorkTask task, string action, DateOnly on, TaskState? from, TaskState? to, Person by, string? comment, string? details = null) =>
        DemoTimeline.Step(db, task, action, on, from, to, by, comment, details);
}
