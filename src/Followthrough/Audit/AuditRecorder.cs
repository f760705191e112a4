using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Followthrough.Audit;

/// <summary>
/// Turns the changes of one save into audit entries. Before values are captured before the save; after values
/// (with generated ids) after it. The chain head is locked before anything is written and the entries appended
/// after the changes, all inside the save's transaction. Properties marked with <see cref="AuditMapping.RedactedInAudit{T}"/> are never written out.
/// </summary>
internal static class AuditRecorder
{
    /// <summary>
    /// Chinese names stay readable in the trail (not \uXXXX escapes). The JSON is only ever shown HTML-encoded or
    /// returned as JSON, never pasted into a page raw, so the relaxed escaping is safe here.
    /// </summary>
    internal static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The save's changes with their before values, read before anything is written. Looks at the change tracker as
    /// it is: the context has already detected the changes and stops further detection until the save ends.
    /// </summary>
    public static List<CapturedChange> Capture(FollowthroughDb db)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var changes = new List<CapturedChange>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry or AuditHead || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : Serialize(entry, original: true, onlyModified: entry.State == EntityState.Modified);
            changes.Add(new CapturedChange(entry, entry.State, before));

            // After the capture: the stamps are the save's own bookkeeping, not part of the change the trail records.
            StampVersionAndTime(entry, now);
        }

        return changes;
    }

    /// <summary>
    /// An UPDATE that changes nothing still takes the row lock (PostgreSQL) or the write lock (SQLite), so two
    /// writers can never read the same head and fork the chain. It is the first write of every save: a writer that
    /// waits here holds no other row yet, so two saves cannot deadlock on each other's rows and the head. RETURNING
    /// gives the head as it is under that lock, so reading it costs no second statement. Needs an open transaction.
    /// </summary>
    public static async Task<LockedHead> LockHeadAsync(FollowthroughDb db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The audit head is locked inside the save's transaction.");
        }

        await using var command = db.CreateCommand("UPDATE audit_head SET last_sequence = last_sequence WHERE id = 1 RETURNING last_sequence, last_hash");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The audit head row (id 1) is missing.");
        }

        return new LockedHead(reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>
    /// Appends one entry per captured change after <paramref name="head"/>, with plain SQL on the save's connection and
    /// transaction (the entries are never tracked: nothing reads them back from the context), and returns the new end
    /// of the chain. The caller writes that end to the head row (<see cref="WriteHeadAsync"/>), or keeps it while it
    /// holds the head for several saves (<see cref="AuditHeadLock"/>).
    /// </summary>
    public static async Task<LockedHead> AppendAsync(FollowthroughDb db, List<CapturedChange> changes, LockedHead head, AuditKey? key, CancellationToken cancellationToken)
    {
        var occurredAt = AuditChain.Truncate(db.Clock.GetUtcNow().UtcDateTime);
        var actor = db.Actor;
        var description = db.NextSave;
        var sequence = head.LastSequence;
        var previousHash = head.LastHash;
        var rows = new List<object?[]>(changes.Count);
        foreach (var change in changes)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = occurredAt,
                ActorId = actor.PersonId,
                ActorName = actor.Name,
                Action = description?.Action ?? DefaultAction(change.State),
                EntityType = change.Entry.Metadata.GetTableName() ?? change.Entry.Metadata.ShortName(),
                EntityId = change.KeyBeforeSave ?? KeyOf(change.Entry),
                Comment = description?.Comment,
                BeforeJson = change.Before,
                AfterJson = change.State == EntityState.Deleted ? null : Serialize(change.Entry, original: false, onlyModified: change.State == EntityState.Modified, change.ModifiedNames),
                PreviousHash = previousHash,
                Hash = string.Empty,
                KeyId = key?.Id,
            };
            entry.Hash = AuditChain.ComputeHash(entry, key);
            previousHash = entry.Hash;
            rows.Add(AuditBulk.Row(entry));
        }

        await HandWrittenSql.InsertAsync(db, AuditBulk.EntryTable, AuditBulk.EntryColumns, rows, cancellationToken);
        return new LockedHead(sequence, previousHash);
    }

    /// <summary>Records the new end of the chain in the head row, inside the transaction that locked it.</summary>
    public static async Task WriteHeadAsync(FollowthroughDb db, LockedHead head, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The audit head is written inside the save's transaction.");
        }

        await db.ExecuteAsync(
            "UPDATE audit_head SET last_sequence = @sequence, last_hash = @hash WHERE id = 1",
            [("@sequence", head.LastSequence), ("@hash", head.LastHash)],
            cancellationToken);
    }

    /// <summary>
    /// Sets the stamps through the change tracker, which marks them modified at once: the save that follows needs no
    /// second pass over every tracked entity to find them (see <see cref="FollowthroughDb.SaveChangesAsync(bool, CancellationToken)"/>, which detects changes once).
    /// </summary>
    private static void StampVersionAndTime(EntityEntry entry, DateTime now)
    {
        if (entry.Entity is ITimestamped)
        {
            if (entry.State == EntityState.Added)
            {
                entry.Property(nameof(ITimestamped.CreatedAt)).CurrentValue = now;
            }

            if (entry.State != EntityState.Deleted)
            {
                entry.Property(nameof(ITimestamped.UpdatedAt)).CurrentValue = now;
            }
        }

        if (entry.Entity is IVersioned && entry.State == EntityState.Modified)
        {
            // The original value stays what the caller loaded (or was told by If-Match), so a stale save fails.
            var version = entry.Property(nameof(IVersioned.Version));
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }

    private static string DefaultAction(EntityState state) => state switch
    {
        EntityState.Added => "created",
        EntityState.Deleted => "deleted",
        _ => "updated",
    };

    /// <summary>The record's id in the trail: its key values joined by '/'.</summary>
    internal static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!;
        return string.Join('/', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string? Serialize(EntityEntry entry, bool original, bool onlyModified, IReadOnlySet<string>? names = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (onlyModified && !(names?.Contains(metadata.Name) ?? property.IsModified))
            {
                continue;
            }

            values[metadata.GetColumnName()] = IsRedacted(metadata) ? "(redacted)" : Plain(original ? property.OriginalValue : property.CurrentValue);
        }

        // Written as JsonSerializer would write them sorted by name (a test holds the two to the same text), without
        // its per-value type dispatch: every save serializes each changed row once or twice.
        return values.Count == 0 ? null : AuditBulk.Serialize(values);
    }

    private static bool IsRedacted(IProperty property) => property.FindAnnotation(AuditMapping.RedactedAnnotation) is not null;

    internal static object? Plain(object? value) => value switch
    {
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };

    /// <summary>The end of the chain as read under the head's lock.</summary>
    internal readonly record struct LockedHead(long LastSequence, string LastHash);

    internal sealed class CapturedChange(EntityEntry entry, EntityState state, string? before)
    {
        public EntityEntry Entry { get; } = entry;

        public EntityState State { get; } = state;

        public string? Before { get; } = before;

        /// <summary>
        /// The key of a changed or deleted row, taken before the save detaches deleted entities; added rows get
        /// theirs (often generated) only from the save.
        /// </summary>
        public string? KeyBeforeSave { get; } = state == EntityState.Added ? null : KeyOf(entry);

        /// <summary>The properties that changed, remembered before the save resets them to unchanged.</summary>
        public IReadOnlySet<string> ModifiedNames { get; } =
            entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
    }
}
