using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// The service catalogue (事项清单), the module's public surface for items: search and read (anyone), add, change and
/// withdraw (checked by <see cref="ServicesPermissions.CanMaintainCatalogue"/> at the edge). Every change writes a new
/// version of the item, and its audit entries, in the same transaction.
/// </summary>
public sealed class ServiceCatalogue(FollowthroughDb db, OrganizationDirectory directory)
{
    /// <summary>The table the audit trail names an item's entries by.</summary>
    public const string ItemsTable = "service_items";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IQueryable<ServiceItem> Items => db.Set<ServiceItem>();

    /// <summary>One page of items in code order: the search (Chinese or English, any length) and the filters together.</summary>
    public async Task<Paged<ServiceItemEntry>> SearchAsync(CatalogueFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Items.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            query = await CatalogueSearch.WhereMatchingAsync(db, query, filter.Search, cancellationToken);
        }

        if (!filter.IncludeWithdrawn)
        {
            query = query.Where(i => !i.Withdrawn);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(i => i.UnitId == unitId);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(i => i.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(filter.LifeEvent))
        {
            var tag = ";" + filter.LifeEvent.Trim() + ";";
            query = query.Where(i => i.LifeEvents.Contains(tag));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(i => i.Code).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Paged<ServiceItemEntry>([.. items.Select(ToEntry)], page.Page, page.PageSize, total);
    }

    /// <summary>Every life-event tag in use by items not withdrawn, for the catalogue's filter.</summary>
    public async Task<IReadOnlyList<string>> LifeEventsAsync(CancellationToken cancellationToken = default)
    {
        var stored = await Items.AsNoTracking().Where(i => !i.Withdrawn && i.LifeEvents != "").Select(i => i.LifeEvents).ToListAsync(cancellationToken);
        return [.. stored.SelectMany(ServiceItemRules.ReadLifeEvents).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The units that answer for at least one item not withdrawn (the catalogue's unit filter).</summary>
    public async Task<IReadOnlySet<int>> UnitIdsInUseAsync(CancellationToken cancellationToken = default) =>
        (await Items.AsNoTracking().Where(i => !i.Withdrawn).Select(i => i.UnitId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

    public async Task<ServiceItemEntry?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } item ? ToEntry(item) : null;

    public async Task<ServiceItemEntry?> GetByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        await Items.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code.Trim(), cancellationToken) is { } item ? ToEntry(item) : null;

    /// <summary>Every item, withdrawn ones too, in code order (for the export).</summary>
    public async Task<IReadOnlyList<ServiceItemEntry>> AllAsync(CancellationToken cancellationToken = default) =>
        [.. (await Items.AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken)).Select(ToEntry)];

    /// <summary>Every version of an item, oldest first; empty when there is no such item.</summary>
    public async Task<IReadOnlyList<ServiceItemVersionEntry>> VersionsAsync(int id, CancellationToken cancellationToken = default)
    {
        var versions = await db.Set<ServiceItemVersion>().AsNoTracking().Where(v => v.ItemId == id).OrderBy(v => v.Version).ToListAsync(cancellationToken);
        return [.. versions.Select(ToVersionEntry)];
    }

    /// <summary>The item as it was in one version (what an application filed under it saw); null when there is none.</summary>
    public async Task<ServiceItemVersionEntry?> VersionAsync(int id, int version, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceItemVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.ItemId == id && v.Version == version, cancellationToken) is { } v
            ? ToVersionEntry(v)
            : null;

    public async Task<Outcome<ServiceItemEntry>> CreateAsync(ServiceItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var values = ServiceItemRules.Check(input, errors);
        if (values is null || !await CheckReferencesAsync(values, null, errors, cancellationToken))
        {
            return Outcome.Invalid<ServiceItemEntry>(errors);
        }

        var item = new ServiceItem { Code = values.Code, NameZh = values.NameZh, NameEn = values.NameEn };
        Apply(item, values);
        AddVersion(item, 1, "created");
        db.DescribeNextSave("created");
        return await SaveAsync(item, cancellationToken);
    }

    /// <summary>Replaces an item's fields; <paramref name="expectedVersion"/> is the version the caller saw.</summary>
    public async Task<Outcome<ServiceItemEntry>> UpdateAsync(int id, ServiceItemInput input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await Items.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<ServiceItemEntry>("The service item");
        }

        if (item.Version != expectedVersion)
        {
            return Outcome.Stale<ServiceItemEntry>(item.Version);
        }

        if (item.Withdrawn)
        {
            return Outcome.NotNow<ServiceItemEntry>("A withdrawn item cannot be changed.");
        }

        var errors = new ValidationErrors();
        var values = ServiceItemRules.Check(input, errors);
        if (values is null || !await CheckReferencesAsync(values, id, errors, cancellationToken))
        {
            return Outcome.Invalid<ServiceItemEntry>(errors);
        }

        var before = ToEntry(item);
        if (values.ReviewSteps is null)
        {
            ReviewStepRules.CheckSum(before.ReviewSteps, values.CommittedDays, errors); // kept steps must still fit a shorter limit
            if (!errors.IsEmpty)
            {
                return Outcome.Invalid<ServiceItemEntry>(errors);
            }
        }

        Apply(item, values);
        if (JsonSerializer.Serialize(ToEntry(item), Json) == JsonSerializer.Serialize(before, Json))
        {
            return Outcome.Done(before); // nothing changed: no new version
        }

        return await SaveVersionAsync(item, expectedVersion, "updated", null, cancellationToken);
    }

    /// <summary>Takes an item out of the catalogue (it stays readable, with its versions); a reason is required.</summary>
    public async Task<Outcome<ServiceItemEntry>> WithdrawAsync(int id, string? reason, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var item = await Items.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<ServiceItemEntry>("The service item");
        }

        if (item.Version != expectedVersion)
        {
            return Outcome.Stale<ServiceItemEntry>(item.Version);
        }

        if (item.Withdrawn)
        {
            return Outcome.NotNow<ServiceItemEntry>("The item is already withdrawn.");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            errors.Add("reason", WithdrawReasonRequired);
            return Outcome.Invalid<ServiceItemEntry>(errors);
        }

        item.Withdrawn = true;
        item.WithdrawnReason = reason.Trim();
        return await SaveVersionAsync(item, expectedVersion, "withdrawn", item.WithdrawnReason, cancellationToken);
    }

    public const string WithdrawReasonRequired = "Say why the item is withdrawn (at most 1000 characters).";

    /// <summary>Whether the unit exists and is active, and the code is free (except for the item itself).</summary>
    internal async Task<bool> CheckReferencesAsync(CheckedItem values, int? exceptId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if ((await directory.ActiveUnitIdsAsync([values.UnitId], cancellationToken)).Count == 0)
        {
            errors.Add("unitId", ServiceItemRules.UnitUnknown);
        }

        if (await Items.AnyAsync(i => i.Code == values.Code && i.Id != (exceptId ?? 0), cancellationToken))
        {
            errors.Add("code", ServiceItemRules.CodeTaken);
        }

        return errors.IsEmpty;
    }

    internal static void Apply(ServiceItem item, CheckedItem values)
    {
        item.Code = values.Code;
        item.NameZh = values.NameZh;
        item.NameEn = values.NameEn;
        item.UnitId = values.UnitId;
        item.Kind = values.Kind;
        item.LegalBasis = values.LegalBasis;
        item.StatutoryDays = values.StatutoryDays;
        item.CommittedDays = values.CommittedDays;
        item.Level = values.Level;
        item.Visits = values.Visits;
        item.Materials = JsonSerializer.Serialize(values.Materials, Json);
        item.Fee = values.Fee;
        item.LifeEvents = ServiceItemRules.StoreLifeEvents(values.LifeEvents);
        item.AutoDecidable = values.AutoDecidable;
        if (values.AcceptsOnPromise is { } promise)
        {
            item.AcceptsOnPromise = promise;
        }

        if (values.Fields is not null)
        {
            item.FormFields = JsonSerializer.Serialize(values.Fields, Json);
        }

        if (values.ReviewSteps is not null)
        {
            item.ReviewSteps = JsonSerializer.Serialize(values.ReviewSteps, Json);
        }

        item.SearchText = ServiceItemRules.SearchText(values.Code, values.NameZh, values.NameEn);
    }

    /// <summary>Adds the version row an item's next save writes, holding the item as it will be.</summary>
    internal void AddVersion(ServiceItem item, int version, string change)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var entry = ToEntry(item) with { Version = version, UpdatedAt = now };
        db.Set<ServiceItemVersion>().Add(new ServiceItemVersion
        {
            Item = item,
            ItemId = item.Id,
            Version = version,
            Change = change,
            Snapshot = JsonSerializer.Serialize(entry, Json),
            ChangedAt = now,
            ChangedBy = db.Actor.Name,
        });
    }

    internal static ServiceItemEntry ToEntry(ServiceItem item) => new(
        item.Id, item.Code, item.NameZh, item.NameEn, item.UnitId, item.Kind, item.LegalBasis, item.StatutoryDays, item.CommittedDays,
        item.Level, item.Visits, JsonSerializer.Deserialize<List<ServiceMaterial>>(item.Materials, Json) ?? [], WithoutTrailingZeros(item.Fee),
        ServiceItemRules.ReadLifeEvents(item.LifeEvents), item.AutoDecidable, item.Withdrawn, item.WithdrawnReason, item.Version, item.UpdatedAt)
    {
        AcceptsOnPromise = item.AcceptsOnPromise,
        Fields = JsonSerializer.Deserialize<List<FormField>>(item.FormFields, Json) ?? [],
        ReviewSteps = JsonSerializer.Deserialize<List<ReviewStep>>(item.ReviewSteps, Json) ?? [],
    };

    /// <summary>The same amount whatever scale the database gave back (SQLite 0.0, PostgreSQL 0.00), so equal fees compare equal.</summary>
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;

    private static ServiceItemVersionEntry ToVersionEntry(ServiceItemVersion v) =>
        new(v.Version, v.Change, v.ChangedAt, v.ChangedBy, JsonSerializer.Deserialize<ServiceItemEntry>(v.Snapshot, Json)! with { Id = v.ItemId });

    private async Task<Outcome<ServiceItemEntry>> SaveVersionAsync(ServiceItem item, int expectedVersion, string change, string? comment, CancellationToken cancellationToken)
    {
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        AddVersion(item, expectedVersion + 1, change);
        db.DescribeNextSave(change, comment);
        try
        {
            return await SaveAsync(item, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await Items.AsNoTracking().Where(i => i.Id == item.Id).Select(i => (int?)i.Version).SingleOrDefaultAsync(cancellationToken);
            return current is { } version ? Outcome.Stale<ServiceItemEntry>(version) : Outcome.NotFound<ServiceItemEntry>("The service item");
        }
    }

    private async Task<Outcome<ServiceItemEntry>> SaveAsync(ServiceItem item, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(ToEntry(item));
        }
        catch (DbUpdateException error) when (error is not DbUpdateConcurrencyException)
        {
            // Two people saving the same new code at once: the unique index decides, the loser gets a field error.
            db.ChangeTracker.Clear();
            if (await Items.AnyAsync(i => i.Code == item.Code && i.Id != item.Id, cancellationToken))
            {
                var errors = new ValidationErrors();
                errors.Add("code", ServiceItemRules.CodeTaken);
                return Outcome.Invalid<ServiceItemEntry>(errors);
            }

            throw;
        }
    }
}
