using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Supervision;

/// <summary>
/// A named lease in the database (<c>supervision_leases</c>), so that of several web instances on one database only
/// one runs the supervision at a time. Taken and renewed with one conditional upsert, atomic on SQLite and PostgreSQL
/// alike: the row is written only when it is new, expired, or already ours. A holder that dies loses the lease when it
/// expires. The lease only saves work: correctness comes from the unique notice keys.
/// </summary>
public static class SupervisionLease
{
    public const string DailyRun = "supervision-run";

    /// <summary>Takes or renews the lease until now + <paramref name="duration"/>; false when another holder has it.</summary>
    public static async Task<bool> TryTakeAsync(FollowthroughDb db, string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO supervision_leases (name, holder, expires_at) VALUES ({name}, {holder}, {expires})
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE supervision_leases.holder = excluded.holder OR supervision_leases.expires_at < {now}
            """, cancellationToken);
        return written == 1;
    }

    /// <summary>Gives the lease back at once, if we still hold it, so the next instance need not wait for it to expire.</summary>
    public static async Task ReleaseAsync(FollowthroughDb db, string name, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"DELETE FROM supervision_leases WHERE name = {name} AND holder = {holder}", cancellationToken);
    }
}
