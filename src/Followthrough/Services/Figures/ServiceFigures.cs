using System.Globalization;
using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Figures;

/// <summary>
/// The monthly service figures per unit (办件统计), the module's public surface for them: read from the rows the
/// triggers keep (<see cref="ServiceFigure"/>) and the catalogue's items in force, never by counting applications, so a
/// month reads the same few rows with ten applications or ten million. For the page, the API, the CLI
/// (<c>services stats</c>) and, later, the bulletin and the cockpit.
/// </summary>
public sealed class ServiceFigures
{
    private readonly FollowthroughDb _db;
    private readonly OrganizationDirectory _directory;

    internal ServiceFigures(FollowthroughDb db, OrganizationDirectory directory)
    {
        (_db, _directory) = (db, directory);
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

    /// <summary>The figures of <paramref name="month"/> (<c>YYYY-MM</c>); every staff member may read them.</summary>
    public async Task<Outcome<ServiceMonth>> MonthAsync(CurrentUser me, string? month, CancellationToken cancellationToken = default)
    {
        if (!ServicesPermissions.CanReadFigures(me))
        {
            return Outcome.Forbidden<ServiceMonth>("The service figures are read by the government's staff; the public reads what is published.");
        }

        var errors = new ValidationErrors();
        if (Month(month, "month", errors) is not { } checkedMonth)
        {
            return Outcome.Invalid<ServiceMonth>(errors);
        }

        var figures = await _db.Set<ServiceFigure>().AsNoTracking().Where(f => f.Month == checkedMonth).ToListAsync(cancellationToken);
        var items = await _db.Set<ServiceItem>().AsNoTracking().Where(i => !i.Withdrawn)
            .GroupBy(i => new { i.UnitId, i.Level }).Select(g => new { g.Key.UnitId, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var unitIds = figures.Select(f => f.UnitId).Concat(items.Select(i => i.UnitId)).Distinct().ToList();
        var units = await _directory.UnitsAsync(unitIds, cancellationToken);
        var rows = unitIds
            .Select(id => Row(id, units.GetValueOrDefault(id), figures.Where(f => f.UnitId == id).ToList(),
                Levels(items.Where(i => i.UnitId == id).Select(i => (i.Level, i.Count)))))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal)
            .ToList();
        var total = Row(null, null, figures, Levels(items.Select(i => (i.Level, i.Count))));
        return Outcome.Done(new ServiceMonth(checkedMonth, rows, total));
    }

    /// <summary>Each unit's figures summed over <paramref name="months"/> (<c>YYYY-MM</c>, checked by the caller), for
    /// units that received or decided anything in them; items by level are not counted here.</summary>
    internal async Task<IReadOnlyList<UnitServiceFigures>> ForMonthsAsync(IReadOnlyList<string> months, CancellationToken cancellationToken)
    {
        var figures = await _db.Set<ServiceFigure>().AsNoTracking().Where(f => months.Contains(f.Month)).ToListAsync(cancellationToken);
        var byUnit = figures.GroupBy(f => f.UnitId).Where(g => g.Any(f => f.Received > 0 || f.Decided > 0)).ToList();
        var units = await _directory.UnitsAsync([.. byUnit.Select(g => g.Key)], cancellationToken);
        var none = new ItemsByLevel(0, 0, 0, 0);
        return [.. byUnit.Select(g => Row(g.Key, units.GetValueOrDefault(g.Key), [.. g], none)).OrderBy(r => r.UnitCode, StringComparer.Ordinal)];
    }

    private static ItemsByLevel Levels(IEnumerable<(DeliveryLevel Level, int Count)> counts)
    {
        var list = counts.ToList();
        int Of(DeliveryLevel level) => list.Where(c => c.Level == level).Sum(c => c.Count);
        return new ItemsByLevel(Of(DeliveryLevel.RunImmediately), Of(DeliveryLevel.Online), Of(DeliveryLevel.AtMostOnce), Of(DeliveryLevel.OnThePalm));
    }

    private static UnitServiceFigures Row(int? unitId, UnitEntry? unit, List<ServiceFigure> f, ItemsByLevel items)
    {
        var decided = f.Sum(x => x.Decided);
        double? Average(long sum) => decided == 0 ? null : Math.Round((double)sum / decided, 1);
        return new UnitServiceFigures(
            unitId, unit?.Code ?? string.Empty, unit?.NameZh ?? string.Empty, unit?.NameEn ?? string.Empty, items,
            f.Sum(x => x.Received), f.Sum(x => x.WindowVisits), decided, f.Sum(x => x.Approved), f.Sum(x => x.OnTime), f.Sum(x => x.AutoDecided),
            Average(f.Sum(x => x.WorkingDaysUsed)), Average(f.Sum(x => x.CommittedDays)), Average(f.Sum(x => x.StatutoryDays)));
    }
}
