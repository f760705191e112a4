using System.Globalization;
using System.Text;
using Followthrough.Accounts;
using Followthrough.Directives.Documents;
using Followthrough.Directives.Review;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Demo;

/// <summary>
/// Demo source documents: short meeting records, a speech and a research-visit report, written in our own words from
/// the facts of the Dalian reports. They go through the same intake as the upload page, so their candidates are the
/// engine's real output; the supervisor then reviews them through the same review service (accepting directives,
/// naming a lead unit where the engine found none, rejecting what nobody can act on), creates the tasks, and the
/// tasks move on through the ordinary task steps: some assigned, some signed for, a few verified and closed.
/// Documents are dated a few weeks back and their time limits are in working days, so the deadlines still lie
/// ahead whenever the demo is loaded.
/// </summary>
internal sealed class DemoDocuments(
    FollowthroughDb db, DocumentIntake intake, CandidateReview review, LifecycleSteps steps, ProgressService progress)
{
    /// <summary>
    /// One demo document and how the supervisor reviews it. <c>LeadWhereMissing</c> maps text found in a candidate
    /// without a unit to the lead unit the supervisor names for it; other candidates without a unit are rejected.
    /// </summary>
    private sealed record Spec(
        DocumentKind Kind, string Title, string IssuingBody, int DaysAgo, string Text, (string Phrase, string Unit)[] LeadWhereMissing);

    private static readonly Spec[] Specs =
    [
        new(DocumentKind.InvestigationReport,
            "Notes on the provincial Party secretary's research visit to Dalian",
            "Supervision Office of the Dalian Municipal Government", 45,
            "Over two days in September the provincial Party secretary, Zhang Guoqing, toured Dalian to see how the city is "
            + "preparing its share of the 14th Five-Year Plan. At Liaoning Port Group he was briefed on how the ports were merged "
            + "and are now run on market terms. Liaoning Port Group must open new sea-rail intermodal routes within 60 working days "
            + "and grow the port industry around the Northeast Asia shipping centre. Jinpu New District should give every industrial "
            + "park a single theme and one leading field instead of spreading itself thin. In the service hall of the free trade zone "
            + "he asked how long approvals take and sat down with the staff to talk. He said that system innovation is what the zone "
            + "lives on, and that the best ideas for it come from what companies actually need. The Dalian free trade zone must form a "
            + "special team to visit enterprises and list the policy obstacles they meet within 40 working days. The Municipal "
            + "Business Environment Bureau should move checks to the stages during and after approval, so that firms and residents "
            + "gain the convenience and the government keeps the trouble. Everyone should work with a sense of urgency.",
            [("Everyone should", "DL-GO")]),
        new(DocumentKind.MeetingRecord,
            "Record of the symposium of experts and entrepreneurs on the provincial 14th Five-Year Plan",
            "Liaoning Provincial People's Government", 40,
            "In mid-September the provincial Party secretary chaired a symposium where experts and business people gave their views "
            + "on Liaoning's 14th Five-Year Plan. Speakers raised the business environment, bolder thinking, industry, technology, "
            + "talent and education, and the talk was open and lively. He answered many of the points in person. The Municipal "
            + "Development and Reform Commission is required to sort the suggestions made at the meeting and report which of them "
            + "the plan takes up within 30 working days. He described the plan as the province's programme for carrying out the "
            + "central government's decisions. Metallurgy, petrochemicals and equipment making are the province's strong industries, "
            + "and artificial intelligence and digital technology should be put to work in them. The Municipal Science and "
            + "Technology Bureau must draw universities, research institutes and companies into joint projects so that research "
            + "turns into production, and report on this within 50 working days. The plan must be realistic and free of empty "
            + "slogans. Titles and honours already won must not be mistaken for results.",
            [("The plan must be realistic", "DL-DRC")]),
        new(DocumentKind.Speech,
            "谭作钧同志在省“十四五”规划实施重大问题座谈会上的讲话要点",
            "中共大连市委", 30,
            "九月下旬，按照省委、省政府的统一安排，全省“十四五”规划实施重大问题座谈会在我市召开。"
            + "会议围绕发挥沈阳、大连开放引领作用、把辽宁建成东北亚国际科研中心听取意见。"
            + "大连理工大学、大连化物所、大船集团、融科储能等单位的专家和企业代表先后发言。"
            + "谭作钧感谢大家提出的意见建议。"
            + "市发展改革委要在20个工作日内把座谈会上的建议逐条梳理汇总，吸收到规划编制中。"
            + "市科技局要牵头提出我市对全省规划科技创新篇章的建议，60个工作日内报市政府。"
            + "市财政局要加大科技投入，保障各类创新平台建设资金。"
            + "市市场监管局要加强知识产权保护，激发创新主体活力。"
            + "各级党委和政府要主动深入企业和科研院所，帮助解决急难愁盼问题。"
            + "要用好奖惩机制，营造“试错也是成功”的氛围。",
            [("用好奖惩机制", "DL-HRS")]),
        new(DocumentKind.MeetingRecord,
            "市委常委会扩大会议纪要（传达学习省委书记在连调研讲话精神）",
            "中共大连市委办公室", 20,
            "市委常委会召开扩大会议，传达学习张国清同志在我市调研期间的讲话精神，研究部署我市贯彻落实工作。"
            + "会议审议了中心城区工业企业高质量发展的指导意见和实施方案。"
            + "会议要求，各地区、各部门要逐项梳理任务、压实责任。"
            + "大连片区要积极争取更多先行先试政策，以制度创新成果扩大对外开放。"
            + "市工业和信息化局要会同市自然资源局拿出中心城区工业企业搬迁改造方案，30个工作日内报市政府。"
            + "市生态环境局要抓紧整改中央生态环境保护督察反馈的问题，40个工作日内报送整改进展。"
            + "市科技局要加快重大科研平台建设，推动大连理工大学、大连化物所的科技成果就地转化。"
            + "市政府办公室要清理向基层重复索要数据的报表，切实为基层减负。"
            + "会议强调，要扎实开展党史学习教育，用好大连红色资源。",
            []),
    ];

    private readonly Dictionary<int, Person> _staff = [];
    private Person _supervisor = null!;

    public async Task LoadAsync(IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var people = await db.Set<Person>().ToListAsync(cancellationToken);
        _supervisor = people.First(p => p.Role == Role.Supervisor);
        foreach (var staff in people.Where(p => p.Role == Role.UnitStaff && p.UnitId is not null))
        {
            _staff.TryAdd(staff.UnitId!.Value, staff);
        }

        var today = db.Clock.Today();
        foreach (var spec in Specs)
        {
            var tasks = await ReviewAsync(spec, today, units, cancellationToken);
            await FollowUpAsync(tasks, cancellationToken);
        }

        db.Actor.Set(null, "demo loader");
    }

    /// <summary>Uploads the document and reviews its candidates; returns the ids of the tasks created from it.</summary>
    private async Task<List<int>> ReviewAsync(Spec spec, DateOnly today, IReadOnlyDictionary<string, Unit> units, CancellationToken cancellationToken)
    {
        var supervisor = As(_supervisor);
        var uploaded = await intake.UploadAsync(supervisor, new DocumentInput
        {
            Kind = spec.Kind,
            Title = spec.Title,
            Date = today.AddDays(-spec.DaysAgo),
            IssuingBody = spec.IssuingBody,
            Text = spec.Text,
        }, cancellationToken);
        var document = uploaded.Value
            ?? throw new InvalidOperationException($"Demo document {spec.Title}: {uploaded.Reason} {string.Join("; ", uploaded.Errors?.ToDictionary().SelectMany(e => e.Value) ?? [])}");
        var candidates = await db.Set<DirectiveCandidate>().AsNoTracking().Where(c => c.DocumentId == document.Id)
            .OrderBy(c => c.StartOffset).ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var lead = candidate.LeadUnitId
                ?? spec.LeadWhereMissing.Where(m => candidate.Text.Contains(m.Phrase, StringComparison.Ordinal)).Select(m => (int?)units[m.Unit].Id).FirstOrDefault();
            var edit = lead is null
                ? new CandidateEdit { Status = CandidateStatus.Rejected }
                : new CandidateEdit
                {
                    Status = CandidateStatus.Accepted,
                    Assignment = true,
                    LeadUnitId = lead,
                    PartnerUnitIds = CandidateActors.ParseIds(candidate.PartnerUnitIds),
                    Deadline = candidate.Deadline,
                    PlanItemId = candidate.PlanItemId,
                };
            Check(await review.UpdateAsync(supervisor, document.Id, candidate.Id, candidate.Version, edit, cancellationToken), spec.Title);
        }

        var created = Check(await review.CreateTasksAsync(supervisor, document.Id, cancellationToken), spec.Title);
        return [.. created.Select(c => c.TaskId!.Value)];
    }

    /// <summary>
    /// The first task of each document stays a draft, waiting to be assigned; the others are assigned; where the lead
    /// unit has a demo account it signs for the task, and every other such task is reported done and verified.
    /// </summary>
    private async Task FollowUpAsync(List<int> taskIds, CancellationToken cancellationToken)
    {
        var supervisor = As(_supervisor);
        for (var i = 1; i < taskIds.Count; i++)
        {
            var version = await db.Set<WorkTask>().Where(t => t.Id == taskIds[i]).Select(t => t.Version).SingleAsync(cancellationToken);
            var task = Check(await steps.ActAsync(supervisor, taskIds[i], TaskAction.Assign, new ActionInput { Comment = "请按会议要求抓好落实。", Version = version }, cancellationToken), "assign");
            if (!_staff.TryGetValue(task.LeadUnitId, out var staff))
            {
                continue;
            }

            var unit = As(staff);
            task = Check(await steps.ActAsync(unit, task.Id, TaskAction.SignFor, new ActionInput { Comment = "已签收，明确专人负责。", Version = task.Version }, cancellationToken), "sign for");
            if (i % 2 == 0)
            {
                continue;
            }

            var evidence = Encoding.UTF8.GetBytes($"{task.Code} {task.Title}\n完成情况：已按会议要求完成，相关材料已归档。\n");
            var claimed = Check(await progress.ReportAsync(unit, task.Id, new ReportInput
            {
                Version = task.Version,
                ClaimsCompletion = true,
                Done = "已按要求完成，附完成情况说明。",
            }, [new UploadedFile("完成情况说明.txt", evidence)], cancellationToken), "claim completion");
            Check(await steps.ActAsync(supervisor, task.Id, TaskAction.Verify, new ActionInput { Comment = "经核验，同意销号。", Version = claimed.Task.Version }, cancellationToken), "verify");
        }
    }

    /// <summary>The person as the services see a signed-in user, and as the audit trail names the actor.</summary>
    private CurrentUser As(Person person)
    {
        db.Actor.Set(person.Id, person.NameZh);
        return new CurrentUser(person.Id, person.NameZh, person.Role, person.UnitId);
    }

    private static T Check<T>(Outcome<T> outcome, string step)
    {
        if (!outcome.IsDone)
        {
            var errors = outcome.Errors is null ? string.Empty : string.Join("; ", outcome.Errors.ToDictionary().SelectMany(e => e.Value));
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Demo documents, {step}: {outcome.Kind} {outcome.Reason} {errors}"));
        }

        return outcome.Value!;
    }
}
