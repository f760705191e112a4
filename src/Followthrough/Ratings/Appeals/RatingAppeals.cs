using Followthrough.Ratings.Rating;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Followthrough.Ratings.Appeals;

/// <summary>A rating's appeal as the unit, the office and the API read it.</summary>
public sealed record AppealEntry(
    int Id, int RatingId, int UnitId, string ItemCode, RatingGrade Grade, DateTime RatedAt, string Reason, string Evidence, DateTime FiledAt,
    AppealOutcome Outcome, DateTime? DecidedAt, string? DecisionReason, int Version);

/// <summary>What a unit writes when it appeals.</summary>
public sealed record AppealInput(string? Reason, string? Evidence);

/// <summary>The supervision office's decision: upheld or not, and why.</summary>
public sealed record AppealDecisionInput(bool? Upheld, string? Reason);

/// <summary>
/// Appeals (申诉), the module's public surface for them: a unit appeals a rating it holds mistaken or malicious within
/// the appeal window (<see cref="RatingsOptions.AppealWorkingDays"/> working days after the day of the rating), once;
/// the supervision office upholds or rejects it with a reason, once. An upheld appeal takes the rating out of the
/// figures (<see cref="Figures.RatingFigures"/>); the rating, the appeal and the decision stay in the audit trail.
/// </summary>
public sealed class RatingAppeals
{
    public const int MaxText = 2000;

    private readonly FollowthroughDb db;
    private readonly IWorkingDayCalendar calendar;
    private readonly RatingsOptions options;

    internal RatingAppeals(FollowthroughDb db, IWorkingDayCalendar calendar, IOptions<RatingsOptions> options)
    {
        (this.db, this.calendar, this.options) = (db, calendar, options.Value);
    }

    /// <summary>The last day a rating made on <paramref name="ratedOn"/> (China) may be appealed.</summary>
    public DateOnly LastDayToAppeal(DateOnly ratedOn) => calendar.AddWorkingDays(ratedOn, options.AppealWorkingDays);

    /// <summary>A unit appeals one of its ratings: its staff only (403), within the window and once (409).</summary>
    public async Task<Outcome<AppealEntry>> FileAsync(CurrentUser me, int ratingId, AppealInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rating = await db.Set<ServiceRating>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == ratingId, cancellationToken);
        if (rating is null || !RatingsPermissions.CanSeeUnitRatings(me, rating.UnitId))
        {
            return Outcome.NotFound<AppealEntry>("The rating");
        }

        if (!RatingsPermissions.CanAppeal(me, rating.UnitId))
        {
            return Outcome.Forbidden<AppealEntry>("Only the staff of the rated unit appeal its ratings.");
        }

        var errors = new ValidationErrors();
        var reason = Text(input.Reason, "reason", errors);
        var evidence = Text(input.Evidence, "evidence", errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<AppealEntry>(errors);
        }

        var lastDay = LastDayToAppeal(DateOnly.FromDateTime(ChinaClock.Local(rating.RatedAt)));
        if (db.Clock.Today() > lastDay)
        {
            return Outcome.Conflict<AppealEntry>($"The appeal window closed on {lastDay:yyyy-MM-dd}: a rating may be appealed up to {options.AppealWorkingDays} working days after it was given.");
        }

        if (await db.Set<RatingAppeal>().AnyAsync(a => a.RatingId == ratingId, cancellationToken))
        {
            return Outcome.Conflict<AppealEntry>("This rating has already been appealed; a rating is appealed once.");
        }

        var appeal = new RatingAppeal
        {
            RatingId = ratingId, UnitId = rating.UnitId, Reason = reason!, Evidence = evidence!,
            FiledAt = db.Clock.GetUtcNow().UtcDateTime, FiledById = me.PersonId!.Value, Outcome = AppealOutcome.Pending,
        };
        db.Add(appeal);
        db.DescribeNextSave("rating-appealed");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await db.Set<RatingAppeal>().AsNoTracking().AnyAsync(a => a.RatingId == ratingId && a.Id != appeal.Id, cancellationToken))
            {
                return Outcome.Conflict<AppealEntry>("This rating has already been appealed; a rating is appealed once.");
            }

            throw;
        }

        return Outcome.Done(Entry(appeal, rating));
    }

    /// <summary>The supervision office upholds or rejects a pending appeal with a reason: once (409), office only (403).</summary>
    public async Task<Outcome<AppealEntry>> DecideAsync(
        CurrentUser me, int appealId, AppealDecisionInput input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var appeal = await db.Set<RatingAppeal>().SingleOrDefaultAsync(a => a.Id == appealId, cancellationToken);
        if (appeal is null || !RatingsPermissions.CanSeeUnitRatings(me, appeal.UnitId))
        {
            return Outcome.NotFound<AppealEntry>("The appeal");
        }

        if (!RatingsPermissions.CanDecideAppeals(me))
        {
            return Outcome.Forbidden<AppealEntry>("Only the supervision office decides appeals.");
        }

        var errors = new ValidationErrors();
        if (input.Upheld is null)
        {
            errors.Add("upheld", "Say whether the appeal is upheld (true) or rejected (false).");
        }

        var reason = Text(input.Reason, "reason", errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<AppealEntry>(errors);
        }

        if (appeal.Outcome != AppealOutcome.Pending)
        {
            return Outcome.Conflict<AppealEntry>($"This appeal was already decided ({appeal.Outcome}); a decision is not taken twice.");
        }

        if (appeal.Version != expectedVersion)
        {
            return Outcome.Stale<AppealEntry>(appeal.Version);
        }

        appeal.Outcome = input.Upheld!.Value ? AppealOutcome.Upheld : AppealOutcome.Rejected;
        appeal.DecidedAt = db.Clock.GetUtcNow().UtcDateTime;
        appeal.DecidedById = me.PersonId;
        appeal.DecisionReason = reason;
        db.DescribeNextSave(input.Upheld.Value ? "rating-appeal-upheld" : "rating-appeal-rejected");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale<AppealEntry>(await db.Set<RatingAppeal>().AsNoTracking().Where(a => a.Id == appealId).Select(a => a.Version).SingleAsync(cancellationToken));
        }

        return Outcome.Done(Entry(appeal, await db.Set<ServiceRating>().AsNoTracking().SingleAsync(r => r.Id == appeal.RatingId, cancellationToken)));
    }

    /// <summary>The appeal of a rating, or null when the unit has not appealed it.</summary>
    public async Task<AppealEntry?> OfRatingAsync(int ratingId, CancellationToken cancellationToken = default) =>
        (await WithRatingsAsync(db.Set<RatingAppeal>().Where(a => a.RatingId == ratingId), cancellationToken)).SingleOrDefault();

    /// <summary>The appeals waiting for the office, oldest first; forbidden to anyone but the office.</summary>
    public async Task<Outcome<IReadOnlyList<AppealEntry>>> PendingAsync(CurrentUser me, CancellationToken cancellationToken = default)
    {
        if (!RatingsPermissions.CanDecideAppeals(me))
        {
            return Outcome.Forbidden<IReadOnlyList<AppealEntry>>("Only the supervision office decides appeals.");
        }

        return Outcome.Done(await WithRatingsAsync(db.Set<RatingAppeal>().Where(a => a.Outcome == AppealOutcome.Pending).OrderBy(a => a.Id).Take(500), cancellationToken));
    }

    private static string? Text(string? text, string field, ValidationErrors errors)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, field == "evidence" ? "Say what shows the rating is mistaken or malicious." : "Give the reason.");
            return null;
        }

        if (value.Length > MaxText)
        {
            errors.Add(field, $"At most {MaxText} characters.");
            return null;
        }

        return value;
    }

    private async Task<IReadOnlyList<AppealEntry>> WithRatingsAsync(IQueryable<RatingAppeal> appeals, CancellationToken cancellationToken)
    {
        var rows = await appeals.AsNoTracking()
            .Join(db.Set<ServiceRating>(), a => a.RatingId, r => r.Id, (a, r) => new { Appeal = a, Rating = r })
            .OrderBy(x => x.Appeal.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => Entry(x.Appeal, x.Rating))];
    }

    private static AppealEntry Entry(RatingAppeal a, ServiceRating r) =>
        new(a.Id, a.RatingId, a.UnitId, r.ItemCode, r.Grade, r.RatedAt, a.Reason, a.Evidence, a.FiledAt, a.Outcome, a.DecidedAt, a.DecisionReason, a.Version);
}
