using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Followthrough.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Audit;

/// <summary>
/// Walks the trail in order and recomputes every hash, with the audit key each entry names (plain SHA-256 for entries
/// written before the chain was keyed). It finds an edited entry (its hash no longer matches, even when recomputed
/// without the key), a deleted or inserted one (the numbering or the link to the previous hash breaks), a truncated
/// tail (the chain head records more entries than there are), entries added behind the head's back, and unkeyed
/// entries after keyed ones. Given checkpoints (<see cref="AuditCheckpoints"/>), it also checks their signatures and
/// that the trail still holds each checkpointed entry with the checkpointed hash: a history rewritten or cut short
/// after a checkpoint fails even when the head was rewritten to match.
/// </summary>
public sealed class AuditVerifier
{
    private static readonly TimeSpan UnkeyedGrace = TimeSpan.FromMinutes(5);

    private readonly FollowthroughDb db;
    private readonly AuditKeyRing keys;

    internal AuditVerifier(FollowthroughDb db, AuditKeyRing keys) => (this.db, this.keys) = (db, keys);

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => VerifyAsync([], cancellationToken);

    /// <summary>Checks the chain, and the chain against <paramref name="checkpoints"/> (any order).</summary>
    public async Task<AuditVerification> VerifyAsync(IReadOnlyList<AuditCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var anchors = new Queue<AuditCheckpoint>(checkpoints.OrderBy(c => c.Sequence));
        foreach (var checkpoint in anchors)
        {
            if (CheckSignature(checkpoint) is { } problem)
            {
                return Broken(0, checkpoint.Sequence, problem);
            }
        }

        // One consistent snapshot of the head and the entries: without it, a save committed between reading the
        // entries and reading the head would look like tampering.
        await using var snapshot = await BeginSnapshotAsync(cancellationToken);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(cancellationToken);

        long expected = 1;
        var previousHash = AuditChain.Genesis;
        string? keyedSince = null;
        var keyMadeAt = keys.KeyedSince;
        while (anchors.TryPeek(out var genesis) && genesis.Sequence <= 0)
        {
            anchors.Dequeue();
        }

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

            if (CheckHash(entry, keyMadeAt, ref keyedSince) is { } problem)
            {
                return Broken(checkedSoFar, entry.Sequence, problem);
            }

            while (anchors.TryPeek(out var anchor) && anchor.Sequence == entry.Sequence)
            {
                anchors.Dequeue();
                if (anchor.Hash != entry.Hash)
                {
                    return Broken(checkedSoFar, entry.Sequence,
                        $"it differs from the checkpoint of {Describe(anchor)} (the trail was rewritten after that checkpoint)");
                }
            }

            previousHash = entry.Hash;
            expected++;
        }

        var checkedCount = expected - 1;
        if (anchors.TryPeek(out var beyond))
        {
            return Broken(checkedCount, beyond.Sequence,
                $"the checkpoint of {Describe(beyond)} records entry {beyond.Sequence}, but the trail ends at entry {checkedCount} (entries were removed after that checkpoint)");
        }

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

    /// <summary>Null when the entry's hash is right for its key; else what is wrong.</summary>
    /// <remarks>
    /// An unkeyed entry is accepted only before keying began: before the first keyed entry, and no later than a few
    /// minutes (clocks of several machines) after the oldest key was made. A whole trail recomputed unkeyed would
    /// otherwise pass for one written before keying; its times would have to be rewritten too, which a checkpoint catches.
    /// </remarks>
    private string? CheckHash(AuditEntry entry, DateTime? keyMadeAt, ref string? keyedSince)
    {
        if (entry.KeyId is null)
        {
            if (keyedSince is not null)
            {
                return $"it carries no key although the chain is keyed since {keyedSince} (it was written or rewritten without the audit key)";
            }

            if (keyMadeAt is { } made && DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc) > made + UnkeyedGrace)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"it carries no key although it was written after the audit key was made ({made:yyyy-MM-dd HH:mm}Z): it was written or rewritten without the key");
            }

            return AuditChain.ComputeHash(entry) == entry.Hash ? null : "its content does not match its hash (the entry was changed)";
        }

        keyedSince ??= $"entry {entry.Sequence.ToString(CultureInfo.InvariantCulture)}";
        if (keys.Find(entry.KeyId) is not { } key)
        {
            return keys.IsConfigured
                ? $"it is keyed with {entry.KeyId}, which {keys.Source} does not hold (configure the key file that has every earlier key)"
                : $"it is keyed with {entry.KeyId}, but no audit key is configured (set Followthrough:Audit:KeyFile or pass --audit-key-file)";
        }

        return AuditChain.ComputeHash(entry, key) == entry.Hash
            ? null
            : "its content does not match its keyed hash (the entry was changed, or the chain recomputed without the audit key)";
    }

    private string? CheckSignature(AuditCheckpoint checkpoint)
    {
        if (keys.Find(checkpoint.KeyId) is not { } key)
        {
            return $"the checkpoint of {Describe(checkpoint)} is signed with key {checkpoint.KeyId}, which the configured audit keys do not hold";
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(AuditChain.Sign(checkpoint.Sequence, checkpoint.Hash, checkpoint.At, key)), Encoding.ASCII.GetBytes(checkpoint.Signature))
            ? null
            : $"the checkpoint of {Describe(checkpoint)} does not match its signature (the checkpoint was forged or altered)";
    }

    private static string Describe(AuditCheckpoint checkpoint) =>
        string.Create(CultureInfo.InvariantCulture, $"{checkpoint.At:yyyy-MM-dd HH:mm:ss}Z (entry {checkpoint.Sequence})");

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
