using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Audit;

/// <summary>A row written by bulk SQL, as the trail should record it: its table, key and column values.</summary>
public sealed record BulkAuditRecord(string EntityType, string EntityId, IReadOnlyDictionary<string, object?> After);

/// <summary>
/// The audit trail for bulk writers (large imports) that insert rows with batched SQL instead of the change tracker.
/// Each row still gets its own entry, chained exactly as <see cref="AuditRecorder"/> chains them (same hash, same JSON
/// form of the values), so <see cref="AuditVerifier"/> checks them like any other. It must run inside the caller's
/// transaction, after <see cref="LockAsync"/>, so the rows and their entries commit together or not at all.
/// </summary>
public static class AuditBulk
{
    private static readonly string[] EntryColumns =
        ["sequence", "occurred_at", "actor_id", "actor_name", "action", "entity_type", "entity_id", "comment", "before_json", "after_json", "previous_hash", "hash"];

    /// <summary>
    /// Takes the trail's write lock now (PostgreSQL row lock, SQLite write lock) for the rest of the transaction, so a
    /// bulk writer can reserve row ids and append entries without another writer slipping in between.
    /// </summary>
    public static async Task LockAsync(FollowthroughDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        RequireTransaction(db);
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_head SET last_sequence = last_sequence WHERE id = 1", cancellationToken);
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

        var transaction = RequireTransaction(db);
        await LockAsync(db, cancellationToken);
        var connection = db.Database.GetDbConnection();
        long sequence;
        string previousHash;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT last_sequence, last_hash FROM audit_head WHERE id = 1";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            sequence = reader.GetInt64(0);
            previousHash = reader.GetString(1);
        }

        var occurredAt = AuditChain.Truncate(db.Clock.GetUtcNow().UtcDateTime);
        var trimmedComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = occurredAt,
                ActorId = db.Actor.PersonId,
                ActorName = db.Actor.Name,
                Action = action,
                EntityType = record.EntityType,
                EntityId = record.EntityId,
                Comment = trimmedComment,
                BeforeJson = null,
                AfterJson = Serialize(record.After),
                PreviousHash = previousHash,
                Hash = string.Empty,
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            previousHash = entry.Hash;
            entries.Add(entry);
        }

        await BulkSql.InsertAsync(db, "audit_entries", EntryColumns, [.. entries.Select(e => new object?[]
        {
            e.Sequence, e.OccurredAt, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Comment, e.BeforeJson, e.AfterJson, e.PreviousHash, e.Hash,
        })], cancellationToken);

        await using (var head = connection.CreateCommand())
        {
            head.Transaction = transaction;
            head.CommandText = "UPDATE audit_head SET last_sequence = @sequence, last_hash = @hash WHERE id = 1";
            Add(head, "@sequence", sequence);
            Add(head, "@hash", previousHash);
            await head.ExecuteNonQueryAsync(cancellationToken);
        }

        // A head the context already tracks is now out of date; the recorder reloads it, but so does this, to be plain.
        if (db.Set<AuditHead>().Local.SingleOrDefault() is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The values as the recorder writes them (<see cref="JsonSerializer"/> over the column names in ordinal order,
    /// times and enums as text), written directly with a <see cref="Utf8JsonWriter"/>: a large import serializes a
    /// hundred thousand of these, and the reflection-based serializer would take seconds.
    /// </summary>
    public static string Serialize(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var columns = values.Keys.ToArray();
        Array.Sort(columns, StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var column in columns)
            {
                writer.WritePropertyName(column);
                switch (AuditRecorder.Plain(values[column]))
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
                        JsonSerializer.Serialize(writer, other, other.GetType());
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static DbTransaction RequireTransaction(FollowthroughDb db) =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Bulk audit entries must be written inside the transaction of the rows they describe.");

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
