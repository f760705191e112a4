using System.Globalization;
using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Followthrough.Storage;

namespace Followthrough.Ratings.Figures;

/// <summary>
/// The ratings figures per unit, item and month (好差评统计), the module's public surface for them: ratings received,
/// each grade's share, the satisfaction rate, bad ratings, rectified, rectified on time, called back and appeals
/// upheld (<see cref="RatingCounts"/>). For the page, the API, the CLI (<c>ratings stats</c>), the publication and the
/// bulletin. A month is the month of the rating in China time.
/// </summary>
public sealed class RatingFigures
{
    private readonly FollowthroughDb db;
    private readonly OrganizationDirectory directory;
    private readonly ServiceCatalogue catalogue;

    internal RatingFigures(FollowthroughDb db, OrganizationDirectory directory, ServiceCatalogue catalogue)
    {
        (this.db, this.directory, this.catalogue) = (db, directory, catalogue);
    }

    /// <summary>A month as <c>YYYY-MM</c>, checked; null with a field error otherwise.</summary>
    public static string? Month(string? text, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (DateOnly.TryParseExact((text ?? string.Empty).Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        errors.Add(field, $"'{text}' is not a month: write it as YYYY-MM, for example 2026-11.");
        return null;
    }

    /// <summary>The figures of <paramref name="month"/> for every unit (or one), for the government's staff.</summary>
    public async Task<Outcome<RatingMonth>> MonthAsync(CurrentUser me, string? month, int? unitId = null, CancellationToken cancellationToken = default)
    {
        if (!RatingsPermissions.CanReadFigures(me))
        {
            return Outcome.Forbidden<RatingMonth>("The ratings figures are read by the government's staff; the public reads what is published.");
        }

        var errors = new ValidationErrors();
        return Month(month, "month", errors) is { } checkedMonth
            ? Outcome.Done(await ComputeAsync(checkedMonth, unitId, cancellationToken))
            : Outcome.Invalid<RatingMonth>(errors);
    }

    /// <summary>The month's figures as the data say now (the month checked by the caller).</summary>
    internal async Task<RatingMonth> ComputeAsync(string month, int? unitId, CancellationToken cancellationToken)
    {
        var tallies = await RatingCounts.MonthAsync(db, month, unitId, cancellationToken);
        var units = await directory.UnitsAsync([.. tallies.Keys.Select(k => k.Unit).Distinct()], cancellationToken);
        var items = await ItemsAsync([.. tallies.Keys.Select(k => k.Item).Distinct()], cancellationToken);
        var byUnit = tallies.GroupBy(t => t.Key.Unit)
            .Select(g => Row(units.GetValueOrDefault(g.Key), g.Key, null, null, Sum(g.Select(t => t.Value))))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
        var byItem = tallies
            .Select(t => Row(units.GetValueOrDefault(t.Key.Unit), t.Key.Unit, items.GetValueOrDefault(t.Key.Item), t.Key.Item, t.Value))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.ItemCode, StringComparer.Ordinal).ToList();
        return new RatingMonth(month, byUnit, byItem, Row(null, null, null, null, Sum(tallies.Values)));
    }

    /// <summary>The satisfaction trend of the last <paramref name="months"/> months up to <paramref name="last"/>, for a
    /// unit or the city: a published month as published, the others as the data say now.</summary>
    public async Task<Outcome<IReadOnlyList<RatingTrendPoint>>> TrendAsync(
        CurrentUser me, string? last, int? unitId, int months = 6, CancellationToken cancellationToken = default)
    {
        if (!RatingsPermissions.CanReadFigures(me))
        {
            return Outcome.Forbidden<IReadOnlyList<RatingTrendPoint>>("The ratings figures are read by the government's staff.");
        }

        var errors = new ValidationErrors();
        if (Month(last, "month", errors) is not { } end)
        {
            return Outcome.Invalid<IReadOnlyList<RatingTrendPoint>>(errors);
        }

        var first = DateOnly.ParseExact(end + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1 - Math.Clamp(months, 1, 24));
        var points = new List<RatingTrendPoint>();
        for (var m = first; points.Count < Math.Clamp(months, 1, 24); m = m.AddMonths(1))
        {
            var month = m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var published = await Publication.RatingPublications.SnapshotAsync(db, month, cancellationToken);
            RatingFigureRow? row;
            if (published is null)
            {
                var live = await ComputeAsync(month, unitId, cancellationToken);
                row = unitId is null ? live.Total : live.Units.Count > 0 ? live.Units[0] : null;
            }
            else
            {
                row = unitId is null ? published.Total : published.Units.FirstOrDefault(u => u.UnitId == unitId);
            }

            points.Add(new RatingTrendPoint(month, row ?? Empty(unitId), published is not null));
        }

        return Outcome.Done<IReadOnlyList<RatingTrendPoint>>(points);
    }

    private static RatingFigureRow Empty(int? unitId) => Row(null, unitId, null, null, new RatingCounts.Tally());

    private async Task<IReadOnlyDictionary<int, ServiceItemEntry>> ItemsAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > 40)
        {
            var wanted = ids.ToHashSet();
            return (await catalogue.AllAsync(cancellationToken)).Where(i => wanted.Contains(i.Id)).ToDictionary(i => i.Id);
        }

        var found = new Dictionary<int, ServiceItemEntry>();
        foreach (var id in ids)
        {
            if (await catalogue.GetAsync(id, cancellationToken) is { } item)
            {
                found[id] = item;
            }
        }

        return found;
    }

    private static RatingCounts.Tally Sum(IEnumerable<RatingCounts.Tally> tallies)
    {
        var sum = new RatingCounts.Tally();
        foreach (var t in tallies)
        {
            sum.Add(t);
        }

        return sum;
    }

    private static RatingFigureRow Row(UnitEntry? unit, int? unitId, ServiceItemEntry? item, int? itemId, RatingCounts.Tally t) => new(
        unitId, unit?.Code ?? string.Empty, unit?.NameZh ?? string.Empty, unit?.NameEn ?? string.Empty,
        itemId, item?.Code ?? string.Empty, item?.NameZh ?? string.Empty, item?.NameEn ?? string.Empty,
        t.Received, t.VerySatisfied, t.Satisfied, t.BasicallySatisfied, t.Dissatisfied, t.VeryDissatisfied,
        t.Rectified, t.RectifiedOnTime, t.CalledBack, t.AppealsUpheld);
}
