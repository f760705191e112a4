using System.Data.Common;
using System.Runtime.CompilerServices;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Followthrough.Audit;

/// <summary>
/// Where the promise "every piece of work traceable" is kept: every save of the context writes an audit entry for each
/// added, changed or deleted row, in the save's transaction (the context opens one for any save that changes rows).
/// Before EF Core writes the change, the changes are captured and the head locked (the first write, so two saves cannot
/// deadlock on each other's rows and the head); after it, the entries are appended and the head moved on. A failing
/// audit write fails the save as a <see cref="DbUpdateException"/>, and the transaction takes the change back with it.
/// Inside a transaction that holds the head (<see cref="AuditHeadLock"/>), saves append after the end it holds.
/// </summary>
internal sealed class AuditInterceptor(AuditKeyRing keys) : SaveChangesInterceptor
{
    /// <summary>The keys this process hashes entries with.</summary>
    public AuditKeyRing Keys => keys;

    /// <summary>One save's work between "saving" and "saved", per context (a pooled context keeps its own for life).</summary>
    private readonly ConditionalWeakTable<DbContext, PendingSave> _pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = Db(eventData);
        var pending = _pending.GetValue(db, static _ => new PendingSave());
        pending.Clear();
        var changes = AuditRecorder.Capture(db);
        if (changes.Count > 0)
        {
            var held = AuditHeadLock.Of(db);
            pending.Head = held?.End ?? await AuditRecorder.LockHeadAsync(db, cancellationToken);
            pending.Held = held;
            pending.Changes = changes;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var db = Db(eventData);
        if (!_pending.TryGetValue(db, out var pending) || pending.Changes is not { } changes)
        {
            return result;
        }

        try
        {
            var end = await AuditRecorder.AppendAsync(db, changes, pending.Head, keys.Current, cancellationToken);
            if (pending.Held is { } held)
            {
                held.End = end;
            }
            else
            {
                await AuditRecorder.WriteHeadAsync(db, end, cancellationToken);
            }
        }
        catch (DbException failure)
        {
            // Callers see a failed save as EF Core reports one, whichever of its writes failed.
            throw new DbUpdateException("The audit trail could not be written, so the change was not saved.", failure);
        }
        finally
        {
            pending.Clear();
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return ValueTask.FromResult(result);
    }

    /// <summary>A failed save's captured changes are not kept until the context's next save.</summary>
    private void Forget(DbContextEventData eventData)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            pending.Clear();
        }
    }

    /// <summary>The keys of the interceptor the context saves through (for writers that append without a save, such as <see cref="AuditBulk"/>).</summary>
    public static AuditKeyRing? KeysOf(FollowthroughDb db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditInterceptor>().FirstOrDefault()?.Keys;

    private static FollowthroughDb Db(DbContextEventData eventData) =>
        eventData.Context as FollowthroughDb ?? throw new InvalidOperationException("The audit trail records saves of the Followthrough context.");

    private sealed class PendingSave
    {
        public List<AuditRecorder.CapturedChange>? Changes { get; set; }

        public AuditRecorder.LockedHead Head { get; set; }

        public AuditHeadLock? Held { get; set; }

        public void Clear()
        {
            Changes = null;
            Held = null;
        }
    }
}
