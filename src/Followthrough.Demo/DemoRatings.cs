using System.Globalization;
using Followthrough.Organization;
using Followthrough.Ratings;
using Followthrough.Ratings.Appeals;
using Followthrough.Ratings.Publication;
using Followthrough.Ratings.Rating;
using Followthrough.Ratings.Rectification;
using Followthrough.Services.Applications;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Demo;

/// <summary>
/// Citizen ratings (好差评) on the demo's decided applications: about two in three are rated a day or two after their
/// decision, mostly well, some badly. The bad ones go through their rectification as a unit would — verified,
/// rectified with a reply, called back, the fix rated — the older the further, a few late and a few left open past
/// their limit; one is appealed and waiting, one appeal upheld and one rejected. Each month that is over is published.
/// The database's clock is moved to each day while it is written, as in <see cref="DemoServiceHistory"/>. Seeded.
/// </summary>
internal sealed class DemoRatings(
    FollowthroughDb db, ServiceRatings ratings, RatingRectifications rectifications, RatingAppeals appeals, RatingPublications publications)
{
    private static readonly string[] GoodReasons = ["fast", "helpful", "clear-guide", "one-visit"];

    private static readonly string[] BadReasons = ["slow", "many-visits", "materials", "attitude", "unclear-guide", "system"];

    private static readonly string[] BadComments =
    [
        "窗口让我补了三次材料，每次说法都不一样。I was asked for more papers three times, each time for something else.",
        "网上申报系统上传附件总是失败。The upload on the website kept failing.",
        "超过承诺时限才办结，也没人告知进度。It was decided after the promised date and nobody told me why.",
    ];

    private sealed class DayClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task LoadAsync(IReadOnlyDictionary<int, (CurrentUser Officer, CurrentUser Approver)> staff, CancellationToken cancellationToken)
    {
        var decided = await db.Set<ServiceApplication>().AsNoTracking()
            .Where(a => a.DecidedAt != null && (a.State == ApplicationState.Approved || a.State == ApplicationState.Rejected || a.State == ApplicationState.Delivered))
            .OrderBy(a => a.DecidedAt).Select(a => new { a.Id, a.ApplicantId, a.UnitId, DecidedAt = a.DecidedAt!.Value })
            .ToListAsync(cancellationToken);
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.Role == Role.Supervisor || p.Role == Role.Enterprise || p.Role == Role.Citizen)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var office = people.Values.Where(p => p.Role == Role.Supervisor).OrderBy(p => p.Id).Select(p => new CurrentUser(p.Id, p.NameEn, Role.Supervisor, null)).FirstOrDefault();
        if (decided.Count == 0 || office is null)
        {
            return;
        }

        var real = db.Clock;
        var today = ChinaClock.Today(real);
        var clock = new DayClock(real.GetUtcNow());
        var random = new Random(20261208);
        var bad = new List<(int RatingId, int UnitId, CurrentUser Rater, DateOnly On)>();
        db.ActingFor(db.Actor, clock);
        try
        {
            foreach (var application in decided)
            {
                var on = DateOnly.FromDateTime(ChinaClock.Local(application.DecidedAt)).AddDays(random.Next(0, 3));
                if (random.Next(3) == 0 || on >= today || !people.TryGetValue(application.ApplicantId, out var person) || !staff.ContainsKey(application.UnitId))
                {
                    continue;
                }

                var rater = new CurrentUser(person.Id, person.NameEn, person.Role, null);
                var roll = random.Next(100);
                var grade = roll switch { < 52 => "VerySatisfied", < 77 => "Satisfied", < 88 => "BasicallySatisfied", < 95 => "Dissatisfied", _ => "VeryDissatisfied" };
                var isBad = roll >= 88;
                var reasons = isBad ? new[] { BadReasons[random.Next(BadReasons.Length)] } : random.Next(2) == 0 ? [GoodReasons[random.Next(GoodReasons.Length)]] : [];
                clock.Now = At(on, 10 + random.Next(0, 7));
                var rated = await ratings.RateAsync(rater, application.Id, new RatingInput(grade, reasons, isBad ? BadComments[random.Next(BadComments.Length)] : null, "Online"), cancellationToken);
                var entry = rated.Value ?? throw new InvalidOperationException($"Demo rating of application {application.Id}: {rated.Kind} {rated.Reason}");
                if (isBad)
                {
                    bad.Add((entry.Id, application.UnitId, rater, on));
                }
            }

            await RectifyAsync(bad, staff, clock, today, random, cancellationToken);
            await AppealAsync(bad, staff, office, clock, today, cancellationToken);
        }
        finally
        {
            db.ActingFor(db.Actor, real);
        }

        await PublishAsync(office, today, cancellationToken);
    }

    /// <summary>Each bad rating goes as far as its age allows: verified on day 1, rectified by day 3 (by day 8 when
    /// late), called back and its fix rated the day after; one in six is left where it stands.</summary>
    private async Task RectifyAsync(
        List<(int RatingId, int UnitId, CurrentUser Rater, DateOnly On)> bad, IReadOnlyDictionary<int, (CurrentUser Officer, CurrentUser Approver)> staff,
        DayClock clock, DateOnly today, Random random, CancellationToken cancellationToken)
    {
        foreach (var (ratingId, unitId, rater, on) in bad)
        {
            var officer = staff[unitId].Officer;
            var late = random.Next(5) == 0;
            var stalled = random.Next(6) == 0;
            var steps = new (int Day, Func<Task<Outcome<RatingEntry>>> Step)[]
            {
                (1, () => rectifications.VerifyAsync(officer, ratingId, new RectificationStepInput("已调取办件记录并联系申请人核实情况。We checked the file and spoke to the applicant."), cancellationToken)),
                (late ? 8 : 3, () => rectifications.RectifyAsync(officer, ratingId, new RectificationStepInput(
                    "已对窗口人员开展业务培训，并在办事指南中补充材料说明。Window staff were retrained and the guide now lists every material.",
                    "感谢您的反馈。我们已核实并改进了相关工作，欢迎再次办理时监督。Thank you. We looked into it and changed how we work; tell us if it happens again."), cancellationToken)),
                ((late ? 8 : 3) + 1, () => rectifications.CallBackAsync(officer, ratingId, new RectificationStepInput("电话回访，申请人表示认可。Called back; the applicant accepted the explanation.", Reached: true), cancellationToken)),
            };
            foreach (var (day, step) in steps)
            {
                var when = on.AddDays(day);
                if (when >= today || (stalled && day > 1))
                {
                    break;
                }

                clock.Now = At(when, 11);
                var done = await step();
                _ = done.Value ?? throw new InvalidOperationException($"Demo rectification of rating {ratingId}: {done.Kind} {done.Reason}");
            }

            var fixedOn = on.AddDays((late ? 8 : 3) + 2);
            if (!stalled && fixedOn < today && random.Next(4) > 0)
            {
                clock.Now = At(fixedOn, 20);
                var graded = await rectifications.RateFixAsync(rater, ratingId, random.Next(5) == 0 ? "BasicallySatisfied" : "Satisfied", cancellationToken);
                _ = graded.Value ?? throw new InvalidOperationException($"Demo grade of the fix of rating {ratingId}: {graded.Kind} {graded.Reason}");
            }
        }
    }

    /// <summary>Three appeals among the bad ratings: the oldest upheld, the next rejected, the newest waiting.</summary>
    private async Task AppealAsync(
        List<(int RatingId, int UnitId, CurrentUser Rater, DateOnly On)> bad, IReadOnlyDictionary<int, (CurrentUser Officer, CurrentUser Approver)> staff,
        CurrentUser office, DayClock clock, DateOnly today, CancellationToken cancellationToken)
    {
        var picks = new[] { (Index: 0, Upheld: (bool?)true), (Index: 1, Upheld: false), (Index: bad.Count - 1, Upheld: null) };
        foreach (var (index, upheld) in picks.Where(p => p.Index >= 0 && p.Index < bad.Count).DistinctBy(p => p.Index))
        {
            var (ratingId, unitId, _, on) = bad[index];
            if (on.AddDays(1) >= today && upheld is not null)
            {
                continue;
            }

            clock.Now = At(on.AddDays(1) < today ? on.AddDays(1) : on, 16);
            var filed = await appeals.FileAsync(staff[unitId].Officer, ratingId, new AppealInput(
                "评价内容反映的是停车问题，与本单位办理的事项无关。The complaint is about parking outside, not the matter this unit handled.",
                "12345热线通话记录及现场监控截图。The hotline call record and the counter camera still."), cancellationToken);
            var appeal = filed.Value ?? throw new InvalidOperationException($"Demo appeal of rating {ratingId}: {filed.Kind} {filed.Reason}");
            if (upheld is { } decision)
            {
                clock.Now = At(on.AddDays(2), 10);
                var decided = await appeals.DecideAsync(office, appeal.Id, new AppealDecisionInput(decision, decision
                    ? "记录显示差评针对的是停车问题，申诉成立。The record shows the rating was about parking: upheld."
                    : "证据不足以证明评价有误，申诉不成立。The evidence does not show the rating was mistaken: rejected."), appeal.Version, cancellationToken);
                _ = decided.Value ?? throw new InvalidOperationException($"Demo decision on appeal {appeal.Id}: {decided.Kind} {decided.Reason}");
            }
        }
    }

    /// <summary>Publishes every month that is over and has ratings, as the supervision office does each month.</summary>
    private async Task PublishAsync(CurrentUser office, DateOnly today, CancellationToken cancellationToken)
    {
        var thisMonth = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var months = await db.Set<Followthrough.Ratings.Rating.ServiceRating>().AsNoTracking()
            .Select(r => r.RatedMonth).Distinct().Where(m => string.Compare(m, thisMonth) < 0).OrderBy(m => m).ToListAsync(cancellationToken);
        foreach (var month in months)
        {
            var published = await publications.PublishAsync(office, month, cancellationToken);
            _ = published.Value ?? throw new InvalidOperationException($"Demo publication of {month}: {published.Kind} {published.Reason}");
        }
    }

    private static DateTimeOffset At(DateOnly day, int beijingHour) => new(day.ToDateTime(new TimeOnly(beijingHour - 8, 0)), TimeSpan.Zero);
}
