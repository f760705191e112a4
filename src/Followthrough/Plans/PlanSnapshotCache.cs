using Microsoft.Extensions.Caching.Memory;

namespace Followthrough.Plans;

/// <summary>
/// The last few plan snapshots, each remembered with the audit trail's head and the day it was computed for. A snapshot
/// is only handed out again for the same head and day, so a page never shows data older than the last write; what the
/// cache saves is reading and rolling up a large plan again for every page view when nothing has changed.
/// Snapshots are shared between requests and must be treated as read-only.
/// </summary>
internal sealed class PlanSnapshotCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 8 });

    public bool TryGet(int planId, long auditHead, DateOnly today, out PlanSnapshot? snapshot)
    {
        snapshot = null;
        if (_cache.TryGetValue(planId, out Entry? entry) && entry is not null && entry.AuditHead == auditHead && entry.Today == today)
        {
            snapshot = entry.Snapshot;
            return true;
        }

        return false;
    }

    public void Set(int planId, long auditHead, DateOnly today, PlanSnapshot snapshot) =>
        _cache.Set(planId, new Entry(auditHead, today, snapshot), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(15) });

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(long AuditHead, DateOnly Today, PlanSnapshot Snapshot);
}
