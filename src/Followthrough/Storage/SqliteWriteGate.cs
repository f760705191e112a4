using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Storage;

/// <summary>
/// One writer at a time per SQLite database in this process. SQLite has one write lock; writers that find it taken are
/// not queued by the database but retried by Microsoft.Data.Sqlite, sleeping in between, until the command timeout, so
/// under load a few wait very long while others overtake them (issue 15: p50 50 ms, p99 1.5 s). Waiting here instead,
/// in the order they came, before the transaction begins, each writer finds the lock free. Reads are not gated (WAL
/// lets them run beside the writer). Saves take it by themselves (<see cref="FollowthroughDb.SaveChangesAsync(bool, CancellationToken)"/>);
/// a writer that begins a transaction of its own and saves many things in it (a batch) takes it around that transaction.
/// On PostgreSQL there is no such gate: nothing is returned and writers run side by side, as the server allows.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the database's turn to write; dispose what is returned when the transaction has ended.
    /// Null (nothing to wait for) on PostgreSQL.</summary>
    public static async Task<IDisposable?> EnterAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
