using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Applications;

/// <summary>
/// When an application's review steps (审查环节) start and fall due: copied from the item version on acceptance, the
/// first started that day, each later one on the day the one before it is completed, each due its own working days
/// after its start on the legal clock's calendar, moved by the application's pauses (Art. 45) that fall after its
/// start. The application's extension (Art. 42) lengthens the whole limit only, not a step's.
/// </summary>
internal static class ReviewSchedule
{
    public const string StepsOpen = "Complete every review step before the decision: a step is still open.";

    /// <summary>Copies the version's steps onto a newly accepted application and starts the first (nothing when it has none).</summary>
    public static async Task StartAsync(
        FollowthroughDb db, ServiceClock clock, ServiceItemVersionEntry? version, ServiceApplication application, DateOnly today, CancellationToken cancellationToken)
    {
        var steps = version?.Item.ReviewSteps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var review = new ApplicationReview
            {
                Application = application,
                ApplicationId = application.Id,
                Number = i + 1,
                NameZh = steps[i].NameZh,
                NameEn = steps[i].NameEn,
                Days = steps[i].Days,
                Duty = steps[i].Duty,
            };
            if (i == 0)
            {
                await BeginAsync(db, clock, review, application.Id, today, cancellationToken);
            }

            db.Set<ApplicationReview>().Add(review);
        }

        application.CurrentReview = steps.Count > 0 ? 1 : 0;
    }

    /// <summary>Starts a step on <paramref name="today"/>, its due date moved by the pauses recorded after that day.</summary>
    public static async Task BeginAsync(
        FollowthroughDb db, ServiceClock clock, ApplicationReview review, int applicationId, DateOnly today, CancellationToken cancellationToken,
        ClockPause? added = null)
    {
        review.StartedOn = today;
        var pauses = applicationId == 0 ? [] : (await ApplicationClockSteps.PausesAsync(db, applicationId, cancellationToken)).Select(p => new ClockPause(p.From, p.To)).ToList();
        if (added is { } extra)
        {
            pauses.Add(extra);
        }

        var after = pauses.Where(p => p.To > today).Select(p => new ClockPause(p.From < today ? today : p.From, p.To)).ToList();
        review.DueOn = (await clock.DueAsync(today, review.Days, after, 0, cancellationToken)).Due;
    }

    /// <summary>The current step's due date computed again after a pause (or a calendar change); its start stays.</summary>
    public static async Task RecomputeAsync(FollowthroughDb db, ServiceClock clock, ServiceApplication application, CancellationToken cancellationToken, ClockPause? added = null)
    {
        if (application.CurrentReview < 1)
        {
            return;
        }

        var current = await db.Set<ApplicationReview>()
            .SingleOrDefaultAsync(r => r.ApplicationId == application.Id && r.Number == application.CurrentReview, cancellationToken);
        if (current?.StartedOn is { } started)
        {
            await BeginAsync(db, clock, current, application.Id, started, cancellationToken, added);
        }
    }

    /// <summary>An application's steps in order, the current one with its working days left.</summary>
    public static async Task<IReadOnlyList<ApplicationReviewEntry>> ListAsync(FollowthroughDb db, ServiceClock clock, int applicationId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ApplicationReview>().AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var result = new List<ApplicationReviewEntry>(rows.Count);
        foreach (var r in rows)
        {
            var entry = ToEntry(r);
            result.Add(entry.IsCurrent && r.DueOn is { } due ? entry with { WorkingDaysLeft = await clock.WorkingDaysLeftAsync(due, cancellationToken) } : entry);
        }

        return result;
    }

    /// <summary>The current step of each application that has one, for a queue.</summary>
    public static async Task<IReadOnlyDictionary<int, ApplicationReviewEntry>> CurrentAsync(
        FollowthroughDb db, IReadOnlyCollection<int> applicationIds, CancellationToken cancellationToken)
    {
        if (applicationIds.Count == 0)
        {
            return new Dictionary<int, ApplicationReviewEntry>();
        }

        var rows = await db.Set<ApplicationReview>().AsNoTracking()
            .Where(r => applicationIds.Contains(r.ApplicationId) && r.StartedOn != null && r.CompletedAt == null)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ApplicationId).ToDictionary(g => g.Key, g => ToEntry(g.OrderBy(r => r.Number).First()));
    }

    /// <summary>Whether a step of the application is still open (the decision must wait).</summary>
    public static Task<bool> AnyOpenAsync(FollowthroughDb db, int applicationId, CancellationToken cancellationToken) =>
        db.Set<ApplicationReview>().AnyAsync(r => r.ApplicationId == applicationId && r.CompletedAt == null, cancellationToken);

    public static ApplicationReviewEntry ToEntry(ApplicationReview r) =>
        new(r.Number, r.NameZh, r.NameEn, r.Days, r.Duty, r.StartedOn, r.DueOn, r.CompletedAt, r.CompletedBy, r.Note);
}
