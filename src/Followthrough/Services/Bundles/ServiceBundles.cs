using System.Text.Json;
using Followthrough.Services.Catalogue;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Bundles;

/// <summary>
/// The catalogue's bundles (一件事一次办): read by anyone, kept by whoever keeps the catalogue. A bundle names existing
/// items (read through <see cref="ServiceCatalogue"/>, never copied), at least two, none withdrawn; every save is
/// audited by the Audit module's interceptor and refused on a stale version.
/// </summary>
internal sealed class ServiceBundles(FollowthroughDb db, ServiceCatalogue catalogue)
{
    /// <summary>The table the audit trail names a bundle's entries by.</summary>
    public const string BundlesTable = "service_bundles";

    private const string KeepersOnly = "Only the administrators and the supervision office keep the catalogue.";

    private static readonly JsonSerializerOptions Json = ServiceCatalogue.Json;

    private IQueryable<ServiceBundle> Bundles => db.Set<ServiceBundle>();

    /// <summary>Every bundle (published ones only unless asked), by code.</summary>
    public async Task<IReadOnlyList<BundleEntry>> ListAsync(bool includeWithdrawn = false, CancellationToken cancellationToken = default)
    {
        var rows = await Bundles.AsNoTracking().Where(b => includeWithdrawn || b.Status == BundleStatus.Published).OrderBy(b => b.Code).ToListAsync(cancellationToken);
        var items = await ItemsAsync(cancellationToken);
        return [.. rows.Select(b => ToEntry(b, items))];
    }

    public async Task<BundleEntry?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await Bundles.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is { } bundle
            ? ToEntry(bundle, await ItemsAsync(cancellationToken))
            : null;

    /// <summary>The bundle's items as the catalogue has them now, in the bundle's order.</summary>
    public async Task<IReadOnlyList<ServiceItemEntry>> PartsAsync(BundleEntry bundle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var parts = new List<ServiceItemEntry>();
        foreach (var item in bundle.Items)
        {
            if (await catalogue.GetAsync(item.Id, cancellationToken) is { } entry)
            {
                parts.Add(entry);
            }
        }

        return parts;
    }

    public async Task<Outcome<BundleEntry>> CreateAsync(CurrentUser me, BundleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Outcome.Forbidden<BundleEntry>(KeepersOnly);
        }

        var errors = new ValidationErrors();
        var values = BundleRules.Check(input, errors);
        if (values is null || !await CheckReferencesAsync(values, null, errors, cancellationToken))
        {
            return Outcome.Invalid<BundleEntry>(errors);
        }

        var bundle = new ServiceBundle { Code = values.Code, NameZh = values.NameZh, NameEn = values.NameEn, LifeEvent = values.LifeEvent };
        Apply(bundle, values);
        db.Set<ServiceBundle>().Add(bundle);
        db.DescribeNextSave("created");
        return await SaveAsync(bundle, cancellationToken);
    }

    /// <summary>Replaces a bundle's fields (withdrawing it is a status); <paramref name="expectedVersion"/> is the version the caller saw.</summary>
    public async Task<Outcome<BundleEntry>> UpdateAsync(CurrentUser me, int id, BundleInput input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ServicesPermissions.CanMaintainCatalogue(me))
        {
            return Outcome.Forbidden<BundleEntry>(KeepersOnly);
        }

        var bundle = await Bundles.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (bundle is null)
        {
            return Outcome.NotFound<BundleEntry>("The bundle");
        }

        if (bundle.Version != expectedVersion)
        {
            return Outcome.Stale<BundleEntry>(bundle.Version);
        }

        var errors = new ValidationErrors();
        var values = BundleRules.Check(input, errors);
        if (values is null || !await CheckReferencesAsync(values, id, errors, cancellationToken))
        {
            return Outcome.Invalid<BundleEntry>(errors);
        }

        Apply(bundle, values);
        db.Entry(bundle).Property(b => b.Version).OriginalValue = expectedVersion;
        db.DescribeNextSave(values.Status == BundleStatus.Withdrawn ? "withdrawn" : "updated");
        try
        {
            return await SaveAsync(bundle, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Stale<BundleEntry>(await Bundles.AsNoTracking().Where(b => b.Id == id).Select(b => b.Version).SingleAsync(cancellationToken));
        }
    }

    /// <summary>Every item named exists and is not withdrawn (a withdrawn bundle may keep a withdrawn item), and the code is free.</summary>
    private async Task<bool> CheckReferencesAsync(CheckedBundle values, int? exceptId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        for (var i = 0; i < values.ItemIds.Count; i++)
        {
            var item = await catalogue.GetAsync(values.ItemIds[i], cancellationToken);
            if (item is null)
            {
                errors.Add($"itemIds[{i}]", BundleRules.ItemUnknown);
            }
            else if (item.Withdrawn && values.Status == BundleStatus.Published)
            {
                errors.Add($"itemIds[{i}]", BundleRules.ItemWithdrawn);
            }
        }

        if (await Bundles.AnyAsync(b => b.Code == values.Code && b.Id != (exceptId ?? 0), cancellationToken))
        {
            errors.Add("code", BundleRules.CodeTaken);
        }

        return errors.IsEmpty;
    }

    private static void Apply(ServiceBundle bundle, CheckedBundle values)
    {
        bundle.Code = values.Code;
        bundle.NameZh = values.NameZh;
        bundle.NameEn = values.NameEn;
        bundle.LifeEvent = values.LifeEvent;
        bundle.DescriptionZh = values.DescriptionZh;
        bundle.DescriptionEn = values.DescriptionEn;
        bundle.ItemIds = JsonSerializer.Serialize(values.ItemIds, Json);
        bundle.Status = values.Status;
    }

    private async Task<Outcome<BundleEntry>> SaveAsync(ServiceBundle bundle, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error is not DbUpdateConcurrencyException)
        {
            // two keepers saving the same new code at once: the unique index decides, the loser gets a field error
            db.ChangeTracker.Clear();
            var errors = new ValidationErrors();
            errors.Add("code", BundleRules.CodeTaken);
            return Outcome.Invalid<BundleEntry>(errors);
        }

        return Outcome.Done(ToEntry(bundle, await ItemsAsync(cancellationToken)));
    }

    private async Task<Dictionary<int, ServiceItemEntry>> ItemsAsync(CancellationToken cancellationToken) =>
        (await catalogue.AllAsync(cancellationToken)).ToDictionary(i => i.Id);

    private static BundleEntry ToEntry(ServiceBundle b, Dictionary<int, ServiceItemEntry> items) => new(
        b.Id, b.Code, b.NameZh, b.NameEn, b.LifeEvent, b.DescriptionZh, b.DescriptionEn, b.Status,
        [.. (JsonSerializer.Deserialize<List<int>>(b.ItemIds, Json) ?? []).Where(items.ContainsKey).Select(id => items[id])
            .Select(i => new BundleItemEntry(i.Id, i.Code, i.NameZh, i.NameEn, i.UnitId, i.CommittedDays, i.Withdrawn))],
        b.Version, b.UpdatedAt);
}
