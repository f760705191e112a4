using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Followthrough.Ratings.Figures;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Ratings.Publication;

/// <summary>A published month as the public page and the API show it.</summary>
public sealed record PublishedRatings(string Month, DateTime PublishedAt, RatingMonth Figures, string Sha256);

/// <summary>
/// The monthly publication (好差评公示), the module's public surface for it: the supervision office publishes a month
/// once it is over; the figures by unit and item (<see cref="RatingFigures"/>, no rater's identity and no comment) are
/// stored as they stand and shown on <c>/public/ratings</c> to anyone. A published month is never recomputed or
/// published again (409): an appeal upheld later changes the live figures, not the publication.
/// </summary>
public sealed class RatingPublications
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FollowthroughDb db;
    private readonly RatingFigures figures;

    internal RatingPublications(FollowthroughDb db, RatingFigures figures)
    {
        (this.db, this.figures) = (db, figures);
    }

    /// <summary>Publishes <paramref name="month"/>: the office only (403), a month that is over (409), once (409).</summary>
    public async Task<Outcome<PublishedRatings>> PublishAsync(CurrentUser me, string? month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!RatingsPermissions.CanPublish(me))
        {
            return Outcome.Forbidden<PublishedRatings>("Only the supervision office publishes the ratings figures.");
        }

        var errors = new ValidationErrors();
        if (RatingFigures.Month(month, "month", errors) is not { } checkedMonth)
        {
            return Outcome.Invalid<PublishedRatings>(errors);
        }

        var thisMonth = db.Clock.Today().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (string.CompareOrdinal(checkedMonth, thisMonth) >= 0)
        {
            return Outcome.Conflict<PublishedRatings>($"{checkedMonth} is not over yet: a month is published after its last day, so that its figures are complete.");
        }

        if (await db.Set<RatingPublication>().AnyAsync(p => p.Month == checkedMonth, cancellationToken))
        {
            return Outcome.Conflict<PublishedRatings>($"{checkedMonth} is already published; a published month is never recomputed or published again.");
        }

        var text = JsonSerializer.Serialize(await figures.ComputeAsync(checkedMonth, null, cancellationToken), Json);
        var publication = new RatingPublication
        {
            Month = checkedMonth, PublishedAt = db.Clock.GetUtcNow().UtcDateTime, PublishedById = me.PersonId, PublishedBy = me.Name,
            Figures = text, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        };
        db.Add(publication);
        db.DescribeNextSave("ratings-published");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await db.Set<RatingPublication>().AsNoTracking().AnyAsync(p => p.Month == checkedMonth, cancellationToken))
            {
                return Outcome.Conflict<PublishedRatings>($"{checkedMonth} is already published; a published month is never recomputed or published again.");
            }

            throw;
        }

        return Outcome.Done(Read(publication));
    }

    /// <summary>A published month, or null; anyone may read it.</summary>
    public async Task<PublishedRatings?> GetAsync(string month, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<RatingPublication>().AsNoTracking().SingleOrDefaultAsync(p => p.Month == month, cancellationToken);
        return row is null ? null : Read(row);
    }

    /// <summary>The published months, newest first.</summary>
    public async Task<IReadOnlyList<string>> MonthsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<RatingPublication>().AsNoTracking().OrderByDescending(p => p.Month).Select(p => p.Month).ToListAsync(cancellationToken);

    /// <summary>The figures as published for <paramref name="month"/>, or null (for trends).</summary>
    internal static async Task<RatingMonth?> SnapshotAsync(FollowthroughDb db, string month, CancellationToken cancellationToken)
    {
        var text = await db.Set<RatingPublication>().AsNoTracking().Where(p => p.Month == month).Select(p => p.Figures).SingleOrDefaultAsync(cancellationToken);
        return text is null ? null : JsonSerializer.Deserialize<RatingMonth>(text, Json);
    }

    private static PublishedRatings Read(RatingPublication row) =>
        new(row.Month, row.PublishedAt, JsonSerializer.Deserialize<RatingMonth>(row.Figures, Json)!, row.Sha256);
}
