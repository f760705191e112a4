using Followthrough.Storage;

namespace Followthrough.Supervision;

/// <summary>
/// A named lease in the database (<c>supervision_leases</c>), so that of several web instances on one database only
/// one runs the supervision at a time. Taken and renewed with one conditional upsert, atomic on SQLite and PostgreSQL
/// alike: the row is written only when it is new, expired, or already ours. A holder that dies loses the lease when it
/// expires. The lease only saves work: correctness comes from the unique notice keys.
/// </summary>
internal static class SupervisionLease
{
    public const string DailyRun = "supervision-run";

    /// <summary>Takes or renews the lease until now + <paramref name="duration"/>; false when another holder has it.</summary>
    public static async Task<bool> TryTakeAsync(FollowthroughDb db, string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var written = await db.ExecuteAsync("""
            INSERT INTO supervision_leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE supervision_leases.holder = excluded.holder OR supervision_leases.expires_at < @now
            """, [("@name", name), ("@holder", holder), ("@expires", expires), ("@now", now)], cancellationToken);
        return written == 1;
    }

    /// <summary>Gives the lease back at once, if we still hold it, so the next instance need not wait for it to expire.</summary>
    public static async Task ReleaseAsync(FollowthroughDb db, string name, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ExecuteAsync("DELETE FROM supervision_leases WHERE name = @name AND holder = @holder", [("@name", name), ("@holder", holder)], cancellationToken);
    }
}

/// <summary>
/// The daily run's hold on <see cref="SupervisionLease.DailyRun"/>: taken at the start, renewed between batches, given
/// back at the end.
/// </summary>
internal sealed class RunLease(FollowthroughDb db, string holder, TimeSpan duration)
{
    /// <summary>When the lease was last taken or renewed (it runs from a moment after).</summary>
    private DateTimeOffset _takenAt;

    public async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
    {
        _takenAt = db.Clock.GetUtcNow();
        return await SupervisionLease.TryTakeAsync(db, SupervisionLease.DailyRun, holder, duration, cancellationToken);
    }

    /// <summary>
    /// Renews the lease once a quarter of it has gone by since it was last taken (a write and, on SQLite, a sync each
    /// time, so not after every batch): it never runs out while this run is alive, and a run that stalled past it finds
    /// out at the next batch.
    /// </summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow();
        if (now - _takenAt < duration / 4)
        {
            return;
        }

        if (!await SupervisionLease.TryTakeAsync(db, SupervisionLease.DailyRun, holder, duration, cancellationToken))
        {
            // Our lease ran out and another instance took over; stop rather than work side by side.
            throw new SupervisionLeaseLostException();
        }

        _takenAt = now;
    }

    /// <summary>Gives the lease back, whatever the run left on the context.</summary>
    public async Task ReleaseAsync()
    {
        db.ChangeTracker.Clear();
        await SupervisionLease.ReleaseAsync(db, SupervisionLease.DailyRun, holder, CancellationToken.None);
    }
}
