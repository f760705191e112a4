using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Audit;

/// <summary>Reading the trail: the history of one record (for its page), or a filtered, paged list (for the audit page).</summary>
public sealed class AuditTrail(FollowthroughDb db)
{
    /// <summary>Every entry about one record, oldest first. <paramref name="entityType"/> is the table name, e.g. "units".</summary>
    public async Task<IReadOnlyList<AuditHistoryEntry>> HistoryAsync(string entityType, string entityId, CancellationToken cancellationToken = default) =>
        await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderBy(e => e.Sequence)
            .Select(e => new AuditHistoryEntry(e.Sequence, e.OccurredAt, e.ActorName, e.Action, e.Comment, e.BeforeJson, e.AfterJson))
            .ToListAsync(cancellationToken);

    public Task<IReadOnlyList<AuditHistoryEntry>> HistoryAsync(string entityType, int entityId, CancellationToken cancellationToken = default) =>
        HistoryAsync(entityType, entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>
    /// The sequence number of the last entry: it moves whenever anything audited changes, so it serves as a cheap key
    /// for "has anything changed since" (one indexed single-row read).
    /// </summary>
    public Task<long> LastSequenceAsync(CancellationToken cancellationToken = default) =>
        db.Set<AuditHead>().AsNoTracking().Select(h => h.LastSequence).SingleAsync(cancellationToken);

    /// <summary>Newest first, filtered by any of the given fields.</summary>
    internal async Task<(IReadOnlyList<AuditEntry> Items, int Total)> SearchAsync(
        AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(e => e.EntityId == filter.EntityId);
        }

        if (filter.ActorId is { } actorId)
        {
            query = query.Where(e => e.ActorId == actorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Sequence).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (items, total);
    }
}

internal sealed record AuditFilter(string? EntityType = null, string? EntityId = null, int? ActorId = null, string? Action = null);
