using Followthrough.Organization;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Followthrough.Storage;
using Microsoft.Extensions.Configuration;

namespace Followthrough.Demo;

/// <summary>
/// Three months of applications (办件) across the demo units, so that the queues, the supervisor's board and the monthly
/// figures have something to show: each working day a few are filed (online by the demo enterprise and citizen, some at
/// a window), and each is taken through the applications' own rules on the days its story says — accepted the next
/// working day, most approved and delivered within the committed limit, some late, some rejected, refused, asked to
/// supplement (and resubmitted), withdrawn, or left accepted past their limit. Stories whose next day has not come are
/// left where they stand, so every state is there today. The database's clock is moved to each day while it is written
/// (the steps and the audit trail carry those days), and put back after. Seeded, so every load tells the same story.
/// </summary>
internal sealed class DemoServiceHistory(
    FollowthroughDb db, ServiceCatalogue catalogue, ServiceApplications applications, ApplicationReviews reviews, IConfiguration configuration)
{
    /// <summary>How many days of history to write (the test fixtures set 0: their demo is loaded hundreds of times).</summary>
    public const string DaysSetting = "Followthrough:Demo:ApplicationHistoryDays";

    private const int DefaultDays = 92;

    private static readonly string[] Names =
    [
        "星海湾食品有限公司", "旅顺口区海韵民宿", "金普新区恒远机械制造厂", "甘井子区王记餐馆", "大连北方港航物流有限公司",
        "中山区李女士", "沙河口区张先生", "高新园区云帆软件有限公司", "瓦房店市绿源果蔬合作社", "庄河市海峰水产养殖场",
    ];

    private static readonly StepInput Approve = new("材料齐全，符合法定条件，准予许可。The materials are complete and meet the legal conditions.");
    private static readonly StepInput Reject = new("现场核查发现经营场所与申请材料不符，不予许可。The premises inspected differ from those described in the application.");
    private static readonly StepInput Refuse = new("申请事项依法不需要取得行政许可。The matter applied for needs no licence.", "《中华人民共和国行政许可法》第三十二条第一款第（一）项");
    private static readonly StepInput Supplement = new(Missing: ["经营场所产权证明或租赁合同 (proof of title or lease of the premises)"]);
    private static readonly StepInput Plain = new();

    /// <summary>One application's story: its applicant and the steps still to take, each on a working day after filing.</summary>
    private sealed class Story(int id, int version, CurrentUser applicant, ServiceItemEntry item, DateOnly filedOn, Queue<(int Day, ApplicationStep Step, StepInput Input)> steps)
    {
        public int Id { get; } = id;

        public int Version { get; set; } = version;

        public CurrentUser Applicant { get; } = applicant;

        public ServiceItemEntry Item { get; } = item;

        public DateOnly FiledOn { get; } = filedOn;

        public Queue<(int Day, ApplicationStep Step, StepInput Input)> Steps { get; } = steps;
    }

    private sealed class DayClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task LoadAsync(
        IReadOnlyDictionary<int, (CurrentUser Officer, CurrentUser Approver)> staff, CurrentUser enterprise, CurrentUser? citizen, CancellationToken cancellationToken)
    {
        var days = configuration.GetValue(DaysSetting, DefaultDays);
        var items = days <= 0 ? [] : (await catalogue.SearchAsync(new CatalogueFilter(), new PageRequest(1, PageRequest.MaxPageSize), cancellationToken)).Items
            .Where(i => !i.Withdrawn && !i.AutoDecidable && i.Fields.Count == 0 && staff.ContainsKey(i.UnitId))
            .ToList();
        if (items.Count == 0)
        {
            return;
        }

        var real = db.Clock;
        var today = ChinaClock.Today(real);
        var clock = new DayClock(real.GetUtcNow());
        var random = new Random(20261207);
        var open = new List<Story>();
        db.ActingFor(db.Actor, clock);
        try
        {
            for (var day = today.AddDays(-days); day < today; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                clock.Now = At(day, 9);
                for (var n = random.Next(2, 6); n > 0; n--)
                {
                    var item = items[random.Next(items.Count)];
                    var applicant = citizen is not null && random.Next(3) == 0 ? citizen : enterprise;
                    var atWindow = random.Next(4) == 0;
                    var answers = new Dictionary<string, string?> { ["applicantName"] = Names[random.Next(Names.Length)] };
                    var filed = await applications.FileAsync(
                        atWindow ? staff[item.UnitId].Officer : applicant, new ApplicationInput(item.Id, answers, atWindow ? applicant.PersonId : null), cancellationToken);
                    var entry = filed.Value ?? throw new InvalidOperationException($"Demo history, {item.Code}: {filed.Kind} {filed.Reason}");
                    open.Add(new Story(entry.Id, entry.Version, applicant, item, day, StepsFor(item, random)));
                }

                clock.Now = At(day, 15);
                foreach (var story in open.ToList())
                {
                    await TakeDueStepsAsync(story, WorkingDaysBetween(story.FiledOn, day), staff[story.Item.UnitId], cancellationToken);
                    if (story.Steps.Count == 0)
                    {
                        open.Remove(story);
                    }
                }
            }
        }
        finally
        {
            db.ActingFor(db.Actor, real);
        }
    }

    private static DateTimeOffset At(DateOnly day, int beijingHour) => new(day.ToDateTime(new TimeOnly(beijingHour - 8, 0)), TimeSpan.Zero);

    private static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            count += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return count;
    }

    /// <summary>How one application's story goes: accepted the next working day, then one of the usual endings.</summary>
    private static Queue<(int, ApplicationStep, StepInput)> StepsFor(ServiceItemEntry item, Random random)
    {
        var limit = Math.Max(1, item.CommittedDays);
        var within = item.CommittedDays == 0 ? 1 : 1 + random.Next(1, limit + 1); // 即办: decided the day it is accepted
        (int, ApplicationStep, StepInput)[] steps = random.Next(100) switch
        {
            < 58 => [(1, ApplicationStep.Accepted, Plain), (within, ApplicationStep.Approved, Approve), (within + 1, ApplicationStep.Delivered, Plain)],
            < 66 => [(1, ApplicationStep.Accepted, Plain), (2 + limit + random.Next(0, 3), ApplicationStep.Approved, Approve)], // decided late
            < 74 => [(1, ApplicationStep.Accepted, Plain), (within, ApplicationStep.Rejected, Reject), (within + 1, ApplicationStep.Delivered, Plain)],
            < 80 => [(1, ApplicationStep.Refused, Refuse)],
            < 87 => [(1, ApplicationStep.SupplementRequested, Supplement), (4, ApplicationStep.Resubmitted, Plain), (5, ApplicationStep.Accepted, Plain),
                     (4 + within, ApplicationStep.Approved, Approve)],
            < 90 => [(1, ApplicationStep.SupplementRequested, Supplement)], // the applicant has not answered yet
            < 95 => [(random.Next(0, 2), ApplicationStep.Withdrawn, Plain)],
            _ => [(1, ApplicationStep.Accepted, Plain)], // left with its clock running, past its limit by now if filed early enough
        };
        return new Queue<(int, ApplicationStep, StepInput)>(steps);
    }

    /// <summary>Completes the item's review steps in order, each by the duty it names, with a short note.</summary>
    private async Task ReviewAsync(Story story, (CurrentUser Officer, CurrentUser Approver) unit, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= story.Item.ReviewSteps.Count; n++)
        {
            var by = story.Item.ReviewSteps[n - 1].Duty == ServiceDuty.Approver ? unit.Approver : unit.Officer;
            var done = await reviews.CompleteAsync(by, story.Id, n, "已核查，符合要求。Checked; in order.", story.Version, cancellationToken);
            story.Version = done.Value?.Version ?? throw new InvalidOperationException($"Demo history, {story.Item.Code}, review step {n}: {done.Kind} {done.Reason}");
        }
    }

    /// <summary>Takes every step of the story that is due <paramref name="workingDaysSinceFiling"/> after filing.</summary>
    private async Task TakeDueStepsAsync(Story story, int workingDaysSinceFiling, (CurrentUser Officer, CurrentUser Approver) unit, CancellationToken cancellationToken)
    {
        while (story.Steps.TryPeek(out var next) && next.Day <= workingDaysSinceFiling)
        {
            story.Steps.Dequeue();
            if (next.Step is ApplicationStep.Approved or ApplicationStep.Rejected)
            {
                await ReviewAsync(story, unit, cancellationToken); // the item's review steps (审查环节) come first
            }

            var by = next.Step switch
            {
                ApplicationStep.Approved or ApplicationStep.Rejected => unit.Approver,
                ApplicationStep.Resubmitted or ApplicationStep.Withdrawn => story.Applicant,
                _ => unit.Officer,
            };
            var taken = await applications.TakeStepAsync(by, story.Id, next.Step, next.Input, story.Version, cancellationToken);
            story.Version = taken.Value?.Version ?? throw new InvalidOperationException($"Demo history, {story.Item.Code}, {next.Step}: {taken.Kind} {taken.Reason}");
        }
    }
}
