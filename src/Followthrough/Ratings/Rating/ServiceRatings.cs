using System.Globalization;
using Followthrough.Ratings.Rectification;
using Followthrough.Services.Applications;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Followthrough.Ratings.Rating;

/// <summary>
/// Rating a decided application (一事一评), the module's public surface for it: once, by its applicant (online or on a
/// phone, or on the window's counter tablet that the unit's staff open), or recorded by the supervision office's hotline
/// staff. A bad rating opens its rectification case, with its task, in the same transaction; nothing is half-written.
/// </summary>
public sealed class ServiceRatings
{
    public const int MaxComment = 500;

    /// <summary>The grade's error (the API's names of the grades are in its schema).</summary>
    public const string GradeRequired = "Choose one of the five grades, from very satisfied to very dissatisfied.";

    private readonly FollowthroughDb db;
    private readonly ServiceApplications applications;
    private readonly TaskLedger ledger;
    private readonly RatingsOptions options;

    internal ServiceRatings(FollowthroughDb db, ServiceApplications applications, TaskLedger ledger, IOptions<RatingsOptions> options)
    {
        this.db = db;
        this.applications = applications;
        this.ledger = ledger;
        this.options = options.Value;
    }

    /// <summary>
    /// Rates the application. 404 when it is not the caller's to rate or see; 403 when the caller sees it but may not
    /// rate it this way; 409 before its decision or when already rated; field errors name grade, reasons, comment or channel.
    /// </summary>
    public async Task<Outcome<RatingEntry>> RateAsync(CurrentUser me, int applicationId, RatingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.ForRatingAsync(applicationId, cancellationToken);
        if (application is null || !MaySee(me, application))
        {
            return Outcome.NotFound<RatingEntry>("The application");
        }

        var errors = new ValidationErrors();
        var channel = ChannelFor(me, application, input.Channel, errors);
        var grade = ParseGrade(input.Grade, errors);
        var reasons = CheckReasons(input.Reasons, errors);
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment is { Length: > MaxComment })
        {
            errors.Add("comment", $"The comment must be at most {MaxComment} characters.");
        }

        if (channel is null && !errors.ToDictionary().ContainsKey("channel"))
        {
            return Outcome.Forbidden<RatingEntry>("Only the applicant rates an application; the unit's staff open the counter page and the hotline staff record a rating given by phone.");
        }

        if (!application.IsDecided)
        {
            return Outcome.NotNow<RatingEntry>("The application is not decided yet: it can be rated once it is.");
        }

        if (await db.Set<ServiceRating>().AnyAsync(r => r.ApplicationId == applicationId, cancellationToken))
        {
            return Outcome.Conflict<RatingEntry>("This application has already been rated; each is rated once.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<RatingEntry>(errors);
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var rating = new ServiceRating
        {
            ApplicationId = application.Id,
            ItemId = application.ItemId,
            ItemCode = application.ItemCode,
            UnitId = application.UnitId,
            OfficerId = application.DecidedById,
            RaterId = application.ApplicantId,
            RealName = input.RealName ?? true,
            Channel = channel!.Value,
            Grade = grade!.Value,
            Reasons = string.Join(',', reasons),
            Comment = comment,
            RatedAt = now,
            RatedMonth = ChinaClock.Local(now).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            RecordedById = channel is RatingChannel.Window or RatingChannel.Hotline ? me.PersonId : null,
        };

        await using var transaction = await JoinedTransaction.BeginAsync(db, "rating", cancellationToken);
        db.Set<ServiceRating>().Add(rating);
        db.DescribeNextSave("rated", rating.Grade.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // the unique index on application_id: someone rated it between the check and the save
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Outcome.Conflict<RatingEntry>("This application has already been rated; each is rated once.");
        }

        RatingRectification? rectification = null;
        if (RatingGrades.IsBad(rating.Grade))
        {
            var opened = await ledger.OpenCaseAsync(CaseFor(rating, application), cancellationToken);
            if (!opened.IsDone)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return opened.As<RatingEntry>();
            }

            rectification = new RatingRectification
            {
                RatingId = rating.Id,
                TaskId = opened.Value!.TaskId,
                UnitId = rating.UnitId,
                DueOn = opened.Value.Deadline,
                State = RectificationState.Opened,
            };
            db.Set<RatingRectification>().Add(rectification);
            db.DescribeNextSave("rectification-opened", opened.Value.Code);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(ToEntry(rating, rectification));
    }

    /// <summary>The rating of an application, with its rectification; not found when there is none or the caller may not see it.</summary>
    public async Task<Outcome<RatingEntry>> GetAsync(CurrentUser me, int applicationId, CancellationToken cancellationToken = default)
    {
        var rating = await db.Set<ServiceRating>().AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == applicationId, cancellationToken);
        if (rating is null || !RatingsPermissions.CanSeeRating(me, rating.RaterId, rating.UnitId))
        {
            return Outcome.NotFound<RatingEntry>("The rating");
        }

        var rectification = await db.Set<RatingRectification>().AsNoTracking().SingleOrDefaultAsync(r => r.RatingId == rating.Id, cancellationToken);
        return Outcome.Done(ToEntry(rating, rectification));
    }

    /// <summary>The application as the rating page shows it; null when there is none or the caller may not see it.</summary>
    public async Task<RatedApplication?> ApplicationAsync(CurrentUser me, int applicationId, CancellationToken cancellationToken = default)
    {
        var a = await applications.ForRatingAsync(applicationId, cancellationToken);
        return a is null || !MaySee(me, a)
            ? null
            : new RatedApplication(a.Id, a.ApplicantId, a.UnitId, a.ItemCode, a.ItemNameZh, a.ItemNameEn, a.IsDecided, a.DecidedAt);
    }

    /// <summary>The applicant, the unit's staff and the supervision office (hotline) and administrators know of it.</summary>
    private static bool MaySee(CurrentUser me, ApplicationForRating a) => RatingsPermissions.CanSeeRating(me, a.ApplicantId, a.UnitId);

    /// <summary>The channel the caller may rate by (null when none), checked against what was asked for.</summary>
    private static RatingChannel? ChannelFor(CurrentUser me, ApplicationForRating a, string? asked, ValidationErrors errors)
    {
        RatingChannel? wanted = null;
        if (!string.IsNullOrWhiteSpace(asked))
        {
            if (Enum.TryParse<RatingChannel>(asked.Trim(), ignoreCase: true, out var c) && !int.TryParse(asked, out _))
            {
                wanted = c;
            }
            else
            {
                errors.Add("channel", "The channel must be one of: " + string.Join(", ", Enum.GetNames<RatingChannel>()) + ".");
                return null;
            }
        }

        if (RatingsPermissions.CanRateOwn(me, a.ApplicantId))
        {
            return wanted is null or RatingChannel.Online or RatingChannel.Mobile ? wanted ?? RatingChannel.Online : null;
        }

        if (RatingsPermissions.CanOpenCounter(me, a.UnitId))
        {
            return wanted is null or RatingChannel.Window ? RatingChannel.Window : null;
        }

        if (RatingsPermissions.CanRecordByHotline(me))
        {
            return wanted is null or RatingChannel.Hotline ? RatingChannel.Hotline : null;
        }

        return null;
    }

    private static RatingGrade? ParseGrade(string? grade, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(grade) && !int.TryParse(grade, out _) && Enum.TryParse<RatingGrade>(grade.Trim(), ignoreCase: true, out var g))
        {
            return g;
        }

        errors.Add("grade", GradeRequired);
        return null;
    }

    private static List<string> CheckReasons(IReadOnlyList<string?>? reasons, ValidationErrors errors)
    {
        var codes = new List<string>();
        foreach (var code in (reasons ?? []).Select(r => r?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal))
        {
            if (RatingReasons.IsKnown(code))
            {
                codes.Add(code);
            }
            else
            {
                errors.Add("reasons", $"'{code}' is not a reason on the standard list.");
            }
        }

        return codes;
    }

    private CaseInput CaseFor(ServiceRating rating, ApplicationForRating a)
    {
        var reasons = string.Join("；", rating.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(RatingReasons.LabelOf));
        var description = $"办件 {a.Id}（{a.ItemCode} {a.ItemNameZh}）收到{GradeZh(rating.Grade)}评价。" +
            (reasons.Length > 0 ? $"原因：{reasons}。" : string.Empty) +
            (rating.Comment is { } c ? $"评价内容：{c}" : string.Empty) +
            "请核实情况、整改并答复评价人，完成回访。";
        return new CaseInput(
            OriginKind.CitizenRating, rating.Id, $"{a.ItemCode} · 办件 {a.Id}",
            $"差评整改：{a.ItemNameZh}（办件 {a.Id}）", description, rating.UnitId,
            DateOnly.FromDateTime(ChinaClock.Local(rating.RatedAt)), options.RectificationWorkingDays);
    }

    private static string GradeZh(RatingGrade grade) => grade == RatingGrade.VeryDissatisfied ? "“非常不满意”" : "“不满意”";

    internal static RatingEntry ToEntry(ServiceRating r, RatingRectification? c) => new(
        r.Id, r.ApplicationId, r.ItemId, r.ItemCode, r.UnitId, r.OfficerId, r.RaterId, r.RealName, r.Channel, r.Grade,
        r.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Comment, r.CommentReview, r.RatedAt, r.RatedMonth,
        r.RecordedById, r.Version, c is null ? null : RatingRectifications.ToEntry(c));
}
