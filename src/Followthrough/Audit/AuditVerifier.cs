using System.Data;
using Followthrough.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Audit;

/// <summary>
/// Walks the trail in order and recomputes every hash. It finds an edited entry (its hash no longer matches), a
/// deleted or inserted one (the numbering or the link to the previous hash breaks), a truncated tail (the chain
/// head records more entries than there are) and entries added behind the head's back.
/// </summary>
public sealed class AuditVerifier(FollowthroughDb db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        // One consistent snapshot of the head and the entries: without it, a save committed between reading the
        // entries and reading the head would look like tampering.
        await using var snapshot = await BeginSnapshotAsync(cancellationToken);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(cancellationToken);

        long expected = 1;
        var previousHash = AuditChain.Genesis;
        var entries = db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var checkedSoFar = expected - 1;
            if (entry.Sequence != expected)
            {
                return Broken(checkedSoFar, expected, $"entry {expected} is missing (the next entry found is {entry.Sequence})");
            }

            if (entry.Sequence > head.LastSequence)
            {
                return Broken(checkedSoFar, entry.Sequence,
                    $"the entry lies beyond the chain head, which ends at entry {head.LastSequence} (it was added outside Followthrough)");
            }

            if (entry.PreviousHash != previousHash)
            {
                return Broken(checkedSoFar, entry.Sequence, "its link to the previous entry does not match (an entry before it was replaced)");
            }

            if (AuditChain.ComputeHash(entry) != entry.Hash)
            {
                return Broken(checkedSoFar, entry.Sequence, "its content does not match its hash (the entry was changed)");
            }

            previousHash = entry.Hash;
            expected++;
        }

        var checkedCount = expected - 1;
        if (head.LastSequence != checkedCount)
        {
            return Broken(checkedCount, expected,
                $"the chain head records {head.LastSequence} entries but only {checkedCount} were found (entries were removed from the end)");
        }

        if (head.LastHash != previousHash)
        {
            return Broken(checkedCount, checkedCount,
                "the last entry does not match the hash the chain head records (the entry or the head was changed)");
        }

        return new AuditVerification(true, checkedCount, null, null);
    }

    /// <summary>
    /// A read-only snapshot that does not hold writers back: REPEATABLE READ on PostgreSQL; on SQLite a deferred
    /// transaction, whose first read fixes the snapshot (EF Core's own transactions there take the write lock).
    /// </summary>
    private async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new SqliteSnapshot(db, transaction);
    }

    /// <summary>
    /// EF Core does not own a transaction it was handed, so this ends it and closes the connection: twice, because
    /// being handed the transaction opened it once more and forgetting the transaction does not close it again. A
    /// pooled context must go back with its connection closed as many times as it was opened.
    /// </summary>
    private sealed class SqliteSnapshot(FollowthroughDb db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private static AuditVerification Broken(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);
}
