using System.Globalization;
using System.Text;
using Followthrough.Ratings.Rating;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Ratings.Rectification;

/// <summary>
/// Bad ratings as work, the module's public surface for them: the unit's ratings and rectification queue (overdue
/// first), and the case's steps in order — verify (核实; the unit signs for the task), rectify with the reply to the rater,
/// call back (回访; a real-name rater must be reached; then the unit claims the task's completion, which the supervision
/// office verifies) — and the rater's grade of the fix. Each step and its task step are saved in one transaction.
/// </summary>
public sealed class RatingRectifications
{
    public const int MaxNote = 2000;

    private readonly FollowthroughDb db;
    private readonly TaskLedger ledger;

    internal RatingRectifications(FollowthroughDb db, TaskLedger ledger)
    {
        this.db = db;
        this.ledger = ledger;
    }

    /// <summary>A unit's ratings, newest first, with the open bad ones ahead, most overdue first: its own staff for their
    /// unit, the supervision office and administrators for any unit (or all, <paramref name="unitId"/> null).</summary>
    public async Task<Outcome<IReadOnlyList<RectificationRow>>> QueueAsync(CurrentUser me, int? unitId, int take = 200, CancellationToken cancellationToken = default)
    {
        if (!RatingsPermissions.CanReadRectifications(me))
        {
            return Outcome.Forbidden<IReadOnlyList<RectificationRow>>("Only the units' staff and the supervision office read ratings.");
        }

        if (me.Role is Role.UnitStaff)
        {
            if (unitId is { } asked && asked != me.UnitId)
            {
                return Outcome.Forbidden<IReadOnlyList<RectificationRow>>("A unit's staff read their own unit's ratings.");
            }

            unitId = me.UnitId;
        }

        var ratings = db.Set<ServiceRating>().AsNoTracking().Where(r => unitId == null || r.UnitId == unitId);
        var rows = await (from r in ratings
                          join c in db.Set<RatingRectification>() on r.Id equals c.RatingId into cases
                          from c in cases.DefaultIfEmpty()
                          orderby r.Id descending
                          select new RectificationRow(r.Id, r.ApplicationId, r.ItemCode, r.UnitId, r.Grade, r.RealName, r.RatedAt,
                              c == null ? null : c.State, c == null ? null : c.DueOn, c == null ? null : c.TaskId, c == null ? null : c.FixGrade))
            .Take(take).ToListAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<RectificationRow>>([.. rows
            .OrderBy(r => r.State is null or RectificationState.CalledBack ? 1 : 0)
            .ThenBy(r => r.DueOn ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.RatingId)]);
    }

    /// <summary>One rating with its case; not found for anyone who may not see it.</summary>
    public async Task<Outcome<RatingEntry>> GetAsync(CurrentUser me, int ratingId, CancellationToken cancellationToken = default)
    {
        var rating = await db.Set<ServiceRating>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == ratingId, cancellationToken);
        if (rating is null || !RatingsPermissions.CanSeeRating(me, rating.RaterId, rating.UnitId))
        {
            return Outcome.NotFound<RatingEntry>("The rating");
        }

        var c = await db.Set<RatingRectification>().AsNoTracking().SingleOrDefaultAsync(x => x.RatingId == ratingId, cancellationToken);
        return Outcome.Done(ServiceRatings.ToEntry(rating, c));
    }

    /// <summary>核实: the unit has looked into the rating (a note is required); it signs for the case's task.</summary>
    public Task<Outcome<RatingEntry>> VerifyAsync(CurrentUser me, int ratingId, RectificationStepInput input, CancellationToken cancellationToken = default) =>
        StepAsync(me, ratingId, input, RectificationState.Opened, "verified", (c, now, errors) =>
        {
            c.VerifiedNote = Note(input.Note, "note", "What the unit found", errors);
            c.VerifiedAt = now;
            c.State = RectificationState.Verified;
            return Task.FromResult<Outcome<TaskState>?>(null);
        }, cancellationToken);

    /// <summary>整改: what was put right (note) and the reply the rater reads (reply); both required.</summary>
    public Task<Outcome<RatingEntry>> RectifyAsync(CurrentUser me, int ratingId, RectificationStepInput input, CancellationToken cancellationToken = default) =>
        StepAsync(me, ratingId, input, RectificationState.Verified, "rectified", (c, now, errors) =>
        {
            c.RectificationNote = Note(input.Note, "note", "What was rectified", errors);
            c.ReplyToRater = Note(input.Reply, "reply", "The reply to the rater", errors);
            c.RectifiedAt = now;
            c.RepliedAt = now;
            c.State = RectificationState.Rectified;
            return Task.FromResult<Outcome<TaskState>?>(null);
        }, cancellationToken);

    /// <summary>
    /// 回访: the unit called the rater back (reached or not, and a note). A real-name rater must be reached: an attempt that
    /// did not reach them is kept and the case stays open. Otherwise the case is called back and the unit claims the task's
    /// completion, with the case's record as evidence, for the supervision office to verify.
    /// </summary>
    public Task<Outcome<RatingEntry>> CallBackAsync(CurrentUser me, int ratingId, RectificationStepInput input, CancellationToken cancellationToken = default) =>
        StepAsync(me, ratingId, input, RectificationState.Rectified, "called-back", async (c, now, errors) =>
        {
            c.CallbackNote = Note(input.Note, "note", "What the rater said", errors);
            if (input.Reached is not { } reached)
            {
                errors.Add("reached", "Say whether the callback reached the rater.");
                return null;
            }

            c.CallbackReached = reached;
            c.CalledBackAt = now;
            var realName = await db.Set<ServiceRating>().Where(r => r.Id == c.RatingId).Select(r => r.RealName).SingleAsync(cancellationToken);
            if (!errors.IsEmpty || (!reached && realName))
            {
                return null; // a real-name rater not reached: the attempt is kept, the case stays open
            }

            c.State = RectificationState.CalledBack;
            await db.SaveChangesAsync(cancellationToken);
            return await ClaimAsync(me, c, cancellationToken);
        }, cancellationToken);

    /// <summary>The rater grades the rectification once, after the unit's reply.</summary>
    public async Task<Outcome<RatingEntry>> RateFixAsync(CurrentUser me, int ratingId, string? grade, CancellationToken cancellationToken = default)
    {
        var rating = await db.Set<ServiceRating>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == ratingId, cancellationToken);
        var c = rating is null ? null : await db.Set<RatingRectification>().SingleOrDefaultAsync(x => x.RatingId == ratingId, cancellationToken);
        if (rating is null || c is null || !RatingsPermissions.CanSeeRating(me, rating.RaterId, rating.UnitId))
        {
            return Outcome.NotFound<RatingEntry>("The rectification");
        }

        if (me.PersonId != rating.RaterId)
        {
            return Outcome.Forbidden<RatingEntry>("Only the rater grades the rectification.");
        }

        if (string.IsNullOrWhiteSpace(grade) || int.TryParse(grade, out _) || !Enum.TryParse<FixGrade>(grade.Trim(), ignoreCase: true, out var parsed))
        {
            var errors = new ValidationErrors();
            errors.Add("grade", "Choose satisfied, basically satisfied or dissatisfied.");
            return Outcome.Invalid<RatingEntry>(errors);
        }

        if (c.State is RectificationState.Opened or RectificationState.Verified)
        {
            return Outcome.NotNow<RatingEntry>("The unit has not replied yet: the rectification is graded after its reply.");
        }

        if (c.FixGrade is not null)
        {
            return Outcome.Conflict<RatingEntry>("The rectification has already been graded; it is graded once.");
        }

        c.FixGrade = parsed;
        c.FixRatedAt = db.Clock.GetUtcNow().UtcDateTime;
        db.DescribeNextSave("fix-rated", parsed.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(ServiceRatings.ToEntry(rating, c));
    }

    private async Task<Outcome<RatingEntry>> StepAsync(
        CurrentUser me, int ratingId, RectificationStepInput input, RectificationState from, string action,
        Func<RatingRectification, DateTime, ValidationErrors, Task<Outcome<TaskState>?>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        var rating = await db.Set<ServiceRating>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == ratingId, cancellationToken);
        var c = rating is null ? null : await db.Set<RatingRectification>().SingleOrDefaultAsync(x => x.RatingId == ratingId, cancellationToken);
        if (rating is null || c is null || !RatingsPermissions.CanSeeRating(me, rating.RaterId, rating.UnitId))
        {
            return Outcome.NotFound<RatingEntry>("The rectification");
        }

        if (!RatingsPermissions.CanHandleRectification(me, c.UnitId))
        {
            return Outcome.Forbidden<RatingEntry>("Only the rated unit's staff take the rectification's steps.");
        }

        if (input.Version is { } seen && seen != c.Version)
        {
            return Outcome.Stale<RatingEntry>(c.Version);
        }

        if (c.State != from)
        {
            return Outcome.NotNow<RatingEntry>($"The rectification is {c.State}: this step comes when it is {from}.", [NextStep(c.State)]);
        }

        try
        {
            return await InTransactionAsync(me, rating, c, input, from, action, apply, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<RatingRectification>().AsNoTracking().Where(x => x.RatingId == ratingId).Select(x => x.Version).SingleAsync(cancellationToken);
            return Outcome.Stale<RatingEntry>(current);
        }
    }

    private async Task<Outcome<RatingEntry>> InTransactionAsync(
        CurrentUser me, ServiceRating rating, RatingRectification c, RectificationStepInput input, RectificationState from, string action,
        Func<RatingRectification, DateTime, ValidationErrors, Task<Outcome<TaskState>?>> apply, CancellationToken cancellationToken)
    {
        if (input.Version is { } seen)
        {
            db.Entry(c).Property(x => x.Version).OriginalValue = seen;
        }

        var errors = new ValidationErrors();
        await using var transaction = await JoinedTransaction.BeginAsync(db, "rectification", cancellationToken);
        db.DescribeNextSave(action, input.Note);
        var taskStep = await apply(c, db.Clock.GetUtcNow().UtcDateTime, errors);
        if (!errors.IsEmpty)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Outcome.Invalid<RatingEntry>(errors);
        }

        if (from == RectificationState.Opened)
        {
            taskStep = await SignForAsync(me, c, cancellationToken);
        }

        if (taskStep is { IsDone: false } refused)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return refused.As<RatingEntry>();
        }

        db.DescribeNextSave(action, input.Note);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(ServiceRatings.ToEntry(rating, c));
    }

    private async Task<Outcome<TaskState>?> SignForAsync(CurrentUser me, RatingRectification c, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var task = (await ledger.StandingsAsync([c.TaskId], cancellationToken)).SingleOrDefault();
        return task?.State == TaskState.Assigned ? await ledger.SignForAsync(me, c.TaskId, "差评核实：" + c.VerifiedNote, cancellationToken) : null;
    }

    private async Task<Outcome<TaskState>?> ClaimAsync(CurrentUser me, RatingRectification c, CancellationToken cancellationToken)
    {
        var task = (await ledger.StandingsAsync([c.TaskId], cancellationToken)).SingleOrDefault();
        if (task?.State is not (TaskState.SignedFor or TaskState.InProgress))
        {
            return null; // already claimed or closed through the task's own page
        }

        var record = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"核实 Verified: {c.VerifiedAt:yyyy-MM-dd HH:mm} UTC — {c.VerifiedNote}")
            .AppendLine(CultureInfo.InvariantCulture, $"整改 Rectified: {c.RectifiedAt:yyyy-MM-dd HH:mm} UTC — {c.RectificationNote}")
            .AppendLine(CultureInfo.InvariantCulture, $"答复 Reply to the rater: {c.ReplyToRater}")
            .AppendLine(CultureInfo.InvariantCulture, $"回访 Called back: {c.CalledBackAt:yyyy-MM-dd HH:mm} UTC, {(c.CallbackReached == true ? "reached 已联系上" : "not reached 未联系上")} — {c.CallbackNote}")
            .ToString();
        return await ledger.ClaimCompletionAsync(me, c.TaskId, "差评已整改并回访：" + c.RectificationNote, "rectification-" + c.RatingId.ToString(CultureInfo.InvariantCulture), record, cancellationToken);
    }

    private static string NextStep(RectificationState state) => state switch
    {
        RectificationState.Opened => "verify",
        RectificationState.Verified => "rectify",
        RectificationState.Rectified => "call-back",
        _ => "none",
    };

    private static string? Note(string? value, string field, string label, ValidationErrors errors)
    {
        errors.Require(field, value, label, MaxNote);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    internal static RectificationEntry ToEntry(RatingRectification c) => new(
        c.RatingId, c.TaskId, c.UnitId, c.DueOn, c.State, c.VerifiedAt, c.VerifiedNote, c.RectifiedAt, c.RectificationNote,
        c.ReplyToRater, c.RepliedAt, c.CalledBackAt, c.CallbackReached, c.CallbackNote, c.FixGrade, c.FixRatedAt, c.Version);
}
