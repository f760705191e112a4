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
/// Writes the demo tasks (<see cref="DemoTaskStories"/>) with the past their stories need: assignment, signing for,
/// reports, evidence, returns, extensions, splits and closing. Every date is counted back or forward from today on
/// the working-day calendar, so whenever the demo is loaded some tasks are on time, some due soon, some overdue, some
/// waiting for verification or for an extension decision, and some closed, on time or late.
/// </summary>
internal sealed class DemoTasks(FollowthroughDb db, IWorkingDayCalendar calendar, EvidenceStore evidence, IOptions<TaskOptions> options)
{
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
        foreach (var spec in DemoTaskStories.All)
        {
            await AddAsync(spec, units, cancellationToken);
        }
    }

    private async Task AddAsync(DemoTaskSpec spec, IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken)
    {
        var assigned = Back(spec.AssignedWorkingDaysAgo);
        var task = new WorkTask
        {
            Code = TaskWriting.Code($"{options.Value.CodePrefix}-{_today.Year.ToString(CultureInfo.InvariantCulture)}-", ++_sequence),
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
        if (spec.Story != DemoStory.Draft)
        {
            Assign(task, assigned);
            await TellAsync(task, spec.Story, assigned, staff, reports, cancellationToken);
        }

        task.RefreshDue(reports, _today);
        db.DescribeNextSave("created", "Demo data");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The deadline that gives the story its standing today.</summary>
    private void SetDeadline(WorkTask task, DemoStory story, DateOnly assigned)
    {
        (task.DeadlineKind, task.Deadline, task.DeadlineWorkingDays) = story switch
        {
            DemoStory.Draft or DemoStory.ToSignFor => (DeadlineKind.WorkingDays, (DateOnly?)null, (int?)60),
            DemoStory.ReportOverdue => (DeadlineKind.None, null, null),
            DemoStory.Overdue => (DeadlineKind.Date, Back(12), null),
            DemoStory.DueSoon => (DeadlineKind.Date, calendar.Add(_today, 2), null),
            DemoStory.ClosedLate => (DeadlineKind.Date, Back(30), null),
            DemoStory.ClosedOnTime => (DeadlineKind.Date, Back(5), null),
            DemoStory.ExtensionPending => (DeadlineKind.Date, calendar.Add(_today, 8), null),
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

    private async Task TellAsync(WorkTask task, DemoStory story, DateOnly assigned, Person? staff, List<DateOnly> reports, CancellationToken cancellationToken)
    {
        var unitStaff = staff ?? _supervisor;
        switch (story)
        {
            case DemoStory.ToSignFor:
                return;
            case DemoStory.ReturnedByUnit:
                task.State = TaskState.Returned;
                task.SignForBy = null;
                Step(task, "return", calendar.Add(assigned, 1), TaskState.Assigned, TaskState.Returned, unitStaff, "该事项主要涉及农业农村部门职责，建议改由相关部门牵头");
                return;
        }

        var signed = calendar.Add(assigned, 1);
        task.SignedOn = signed;
        task.State = TaskState.SignedFor;
        Step(task, "sign-for", signed, TaskState.Assigned, TaskState.SignedFor, unitStaff, "已签收，明确专人负责");
        if (story == DemoStory.ReportOverdue)
        {
            return; // signed for, and silent since
        }

        // Reports at the end of each period gone by, on time; the percent rising with them.
        var lastDay = story switch
        {
            DemoStory.ClosedLate => calendar.Add(task.Deadline!.Value, 6),
            DemoStory.ClosedOnTime => Back(8),
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
            case DemoStory.ExtensionPending:
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
            case DemoStory.ReportReturned:
                var returned = await ReportAsync(task, Back(3), percent + 10, unitStaff, reports, null, cancellationToken);
                returned.ReturnedAt = At(Back(1));
                returned.ReturnedByName = "supervisor";
                returned.ReturnReason = "年度任务分解表缺少责任单位，请补充后重报";
                reports.Remove(returned.ReportedOn);
                task.NeedsRework = true;
                task.Percent = percent;
                Step(task, "return-report", Back(1), task.State, task.State, _supervisor, returned.ReturnReason);
                break;
            case DemoStory.AwaitingVerification:
                await ReportAsync(task, Back(2), 100, unitStaff, reports, "整改情况说明.txt", cancellationToken, claim: true);
                break;
            case DemoStory.ClosedOnTime or DemoStory.ClosedLate:
                var claimed = story == DemoStory.ClosedOnTime ? Back(8) : calendar.Add(task.Deadline!.Value, 6);
                await ReportAsync(task, claimed, 100, unitStaff, reports, "完成情况报告.txt", cancellationToken, claim: true);
                var closed = calendar.Add(claimed, 2);
                task.ClosedOn = closed;
                task.State = TaskState.Closed;
                Step(task, "verify", closed, TaskState.CompletionClaimed, TaskState.Closed, _supervisor, "经现场核验，同意销号");
                break;
            case DemoStory.Split:
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
