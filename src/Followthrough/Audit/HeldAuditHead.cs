using Followthrough.Storage;

namespace Followthrough.Audit;

/// <summary>
/// The end of the trail while one transaction holds the head's lock for a series of saves (the group commit of
/// progress reports): locked and read once, advanced in memory by each save (<see cref="FollowthroughDb.HeldHead"/>),
/// written to the head row once before the commit. Nobody else can append meanwhile (the lock is held until the
/// commit), so the chain is the one a series of separate saves would have written. A holder that rolls a save back
/// (to a savepoint) puts <see cref="End"/> back to where it was before that save.
/// </summary>
internal sealed class HeldAuditHead
{
    private readonly AuditRecorder.LockedHead _locked;

    private HeldAuditHead(AuditRecorder.LockedHead locked)
    {
        _locked = locked;
        End = locked;
    }

    /// <summary>The last entry appended so far in this transaction (or the one found when locking).</summary>
    public AuditRecorder.LockedHead End { get; set; }

    /// <summary>Locks the head for the rest of <paramref name="db"/>'s transaction; the first write of that transaction.</summary>
    public static async Task<HeldAuditHead> LockAsync(FollowthroughDb db, CancellationToken cancellationToken = default) =>
        new(await AuditRecorder.LockHeadAsync(db, cancellationToken));

    /// <summary>Writes the end of the chain to the head row, if any save appended; call before committing.</summary>
    public async Task WriteAsync(FollowthroughDb db, CancellationToken cancellationToken = default)
    {
        if (End != _locked)
        {
            await AuditRecorder.WriteHeadAsync(db, End, cancellationToken);
        }
    }
}
