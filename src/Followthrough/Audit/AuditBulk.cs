using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Audit;

/// <summary>A bulk insert's column names in the order the trail writes them (ordinal), worked out once for all its rows.</summary>
public sealed class AuditColumnOrder
{
    public AuditColumnOrder(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Indexes = [.. Enumerable.Range(0, columns.Count).OrderBy(i => columns[i], StringComparer.Ordinal)];
        Names = [.. Indexes.Select(i => columns[i])];
    }

    /// <summary>The column names, sorted.</summary>
    internal string[] Names { get; }

    /// <summary>For each sorted name, its position in the row.</summary>
    internal int[] Indexes { get; }
}

/// <summary>A row written by bulk SQL, as the trail should record it: its table, key and column values (see <see cref="AuditBulk.Serialize(IReadOnlyDictionary{string, object?})"/>).</summary>
public sealed record BulkAuditRecord(string EntityType, string EntityId, string AfterJson)
{
    /// <summary>Serializes the values the way the recorder does; safe to call on any thread, so writers may prepare records while they insert.</summary>
    public static BulkAuditRecord From(string entityType, string entityId, IReadOnlyDictionary<string, object?> after) =>
        new(entityType, entityId, AuditBulk.Serialize(after));

    /// <summary>The same for a row of a bulk insert, given its columns' order (see <see cref="AuditColumnOrder"/>).</summary>
    public static BulkAuditRecord From(string entityType, string entityId, AuditColumnOrder order, IReadOnlyList<object?> row) =>
        new(entityType, entityId, AuditBulk.Serialize(order, row));
}

/// <summary>
/// The audit trail for bulk writers (large imports) that insert rows with batched SQL instead of the change tracker.
/// Each row still gets its own entry, chained exactly as <see cref="AuditRecorder"/> chains them (same hash, same JSON
/// form of the values), so <see cref="AuditVerifier"/> checks them like any other. It must run inside the caller's
/// transaction, after <see cref="LockAsync"/>, so the rows and their entries commit together or not at all.
/// </summary>
public static class AuditBulk
{
    internal const string EntryTable = "audit_entries";

    /// <summary>The columns of <see cref="EntryTable"/> in the order of <see cref="Row"/>.</summary>
    internal static readonly string[] EntryColumns =
        ["sequence", "occurred_at", "actor_id", "actor_name", "action", "entity_type", "entity_id", "comment", "before_json", "after_json", "previous_hash", "hash", "key_id"];

    /// <summary>An entry as a row of <see cref="EntryColumns"/>.</summary>
    internal static object?[] Row(AuditEntry entry) =>
        [entry.Sequence, entry.OccurredAt, entry.ActorId, entry.ActorName, entry.Action, entry.EntityType, entry.EntityId, entry.Comment, entry.BeforeJson, entry.AfterJson, entry.PreviousHash, entry.Hash, entry.KeyId];

    /// <summary>
    /// Takes the trail's write lock now (PostgreSQL row lock, SQLite write lock) for the rest of the transaction, so a
    /// bulk writer can reserve row ids and append entries without another writer slipping in between.
    /// </summary>
    public static async Task LockAsync(FollowthroughDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        RequireTransaction(db);
        await db.ExecuteAsync("UPDATE audit_head SET last_sequence = last_sequence WHERE id = 1", [], cancellationToken);
    }

    /// <summary>Appends one "created"-style entry per record, with the given action and comment.</summary>
    public static async Task AppendAsync(FollowthroughDb db, string action, string? comment, IReadOnlyList<BulkAuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        RequireTransaction(db);
        var locked = await AuditRecorder.LockHeadAsync(db, cancellationToken); // the same lock and read as every save
        var sequence = locked.LastSequence;
        var previousHash = locked.LastHash;
        var key = AuditInterceptor.KeysOf(db)?.Current;
        var rows = Chain(db, action, comment, records, key, ref sequence, ref previousHash);
        await HandWrittenSql.InsertAsync(db, EntryTable, EntryColumns, rows, cancellationToken);
        await AuditRecorder.WriteHeadAsync(db, new AuditRecorder.LockedHead(sequence, previousHash), cancellationToken);

        // A head the context tracks (someone loaded it) is now out of date.
        if (db.Set<AuditHead>().Local.SingleOrDefault() is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(cancellationToken);
        }
    }

    /// <summary>Numbers and hashes the entries in order, as rows of <see cref="EntryColumns"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<object?[]> Chain(
        FollowthroughDb db, string action, string? comment, IReadOnlyList<BulkAuditRecord> records, AuditKey? key, ref long sequence, ref string previousHash)
    {
        var occurredAt = AuditChain.Truncate(db.Clock.GetUtcNow().UtcDateTime);
        var trimmedComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var rows = new List<object?[]>(records.Count);
        var entry = new AuditEntry
        {
            OccurredAt = occurredAt,
            ActorId = db.Actor.PersonId,
            ActorName = db.Actor.Name,
            Action = action,
            EntityType = string.Empty,
            EntityId = string.Empty,
            Comment = trimmedComment,
            BeforeJson = null,
            PreviousHash = previousHash,
            Hash = string.Empty,
            KeyId = key?.Id,
        };
        object boxedTime = occurredAt;
        object? boxedActor = entry.ActorId;
        foreach (var record in records)
        {
            // One entry object is refilled for each record: only its hash and row outlive the loop.
            entry.Sequence = ++sequence;
            entry.EntityType = record.EntityType;
            entry.EntityId = record.EntityId;
            entry.AfterJson = record.AfterJson;
            entry.PreviousHash = previousHash;
            previousHash = AuditChain.ComputeHash(entry, key);
            rows.Add([sequence, boxedTime, boxedActor, entry.ActorName, action, record.EntityType, record.EntityId, trimmedComment, null, record.AfterJson, entry.PreviousHash, previousHash, key?.Id]);
        }

        return rows;
    }

    /// <summary>
    /// The values as the recorder writes them (<see cref="JsonSerializer"/> over the column names in ordinal order,
    /// times and enums as text, with the recorder's escaping), written directly with a <see cref="Utf8JsonWriter"/>: a large import serializes a
    /// hundred thousand of these, and the reflection-based serializer would take seconds.
    /// </summary>
    public static string Serialize(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var columns = values.Keys.ToArray();
        Array.Sort(columns, StringComparer.Ordinal);
        return Write(columns.Length, i => columns[i], i => values[columns[i]]);
    }

    /// <summary>
    /// The same JSON for a row of a bulk insert, its values in the order of <paramref name="order"/>'s columns: no
    /// dictionary and no sorting per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Serialize(AuditColumnOrder order, IReadOnlyList<object?> row)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(row);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            for (var i = 0; i < order.Names.Length; i++)
            {
                writer.WritePropertyName(order.Names[i]);
                WriteValue(writer, row[order.Indexes[i]]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = AuditRecorder.JsonOptions.Encoder };

    private static string Write(int count, Func<int, string> name, Func<int, object?> value)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            for (var i = 0; i < count; i++)
            {
                writer.WritePropertyName(name(i));
                WriteValue(writer, value(i));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (AuditRecorder.Plain(value))
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case var other:
                JsonSerializer.Serialize(writer, other, other.GetType(), AuditRecorder.JsonOptions);
                break;
        }
    }

    private static DbTransaction RequireTransaction(FollowthroughDb db) =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Bulk audit entries must be written inside the transaction of the rows they describe.");
}
