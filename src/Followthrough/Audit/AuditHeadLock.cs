using System.Data.Common;
using System.Runtime.CompilerServices;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Audit;

/// <summary>
/// The end of the trail while one transaction holds the head's lock for a series of saves (the group commit of
/// progress reports): locked and read once, advanced in memory by each save made in that transaction, by whichever
/// context (<see cref="AuditInterceptor"/> finds it by the transaction), and written to the head row once before the
/// commit. Nobody else can append meanwhile (the lock is held until the commit), so the chain is the one a series of
/// separate saves would have written. A holder that rolls a save back to a savepoint puts the end back to where it was
/// at that savepoint (<see cref="MarkSavepoint"/>, <see cref="RollBackToSavepoint"/>). Disposing it lets the
/// transaction's saves lock the head themselves again.
/// </summary>
public sealed class AuditHeadLock : IDisposable
{
    /// <summary>
    /// Keyed by the transaction, disposed explicitly: Npgsql reuses a connection's transaction object, so a holding
    /// left behind would make a later, unrelated save skip the lock.
    /// </summary>
    private static readonly ConditionalWeakTable<DbTransaction, AuditHeadLock> Holdings = [];

    private readonly DbTransaction _transaction;
    private readonly AuditRecorder.LockedHead _locked;
    private AuditRecorder.LockedHead _atSavepoint;

    private AuditHeadLock(DbTransaction transaction, AuditRecorder.LockedHead locked)
    {
        _transaction = transaction;
        _locked = locked;
        End = locked;
        _atSavepoint = locked;
    }

    /// <summary>The last entry appended so far in this transaction (or the one found when locking).</summary>
    internal AuditRecorder.LockedHead End { get; set; }

    /// <summary>Locks the head for the rest of <paramref name="db"/>'s transaction; the first write of that transaction.</summary>
    public static async Task<AuditHeadLock> LockAsync(FollowthroughDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The audit head is held by a transaction.");
        var held = new AuditHeadLock(transaction, await AuditRecorder.LockHeadAsync(db, cancellationToken));
        Holdings.AddOrUpdate(transaction, held);
        return held;
    }

    /// <summary>The head held by the transaction <paramref name="db"/> saves in, if one is.</summary>
    internal static AuditHeadLock? Of(FollowthroughDb db) =>
        db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction && Holdings.TryGetValue(transaction, out var held) ? held : null;

    /// <summary>Remembers where the chain ends, as the holder sets a savepoint before a save.</summary>
    public void MarkSavepoint() => _atSavepoint = End;

    /// <summary>Forgets the entries appended since <see cref="MarkSavepoint"/>, as the holder rolls back to that savepoint.</summary>
    public void RollBackToSavepoint() => End = _atSavepoint;

    /// <summary>Writes the end of the chain to the head row, if any save appended; call before committing.</summary>
    public async Task WriteAsync(FollowthroughDb db, CancellationToken cancellationToken = default)
    {
        if (End != _locked)
        {
            await AuditRecorder.WriteHeadAsync(db, End, cancellationToken);
        }
    }

    public void Dispose() => Holdings.Remove(_transaction);
}
