using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Followthrough.Audit;

/// <summary>A record whose current state is not the one its audit trail says it should have.</summary>
public sealed record AuditMismatch(string EntityType, string EntityId, string Problem);

/// <summary>What a reconciliation looked at: tables and records compared, mismatches found, tables it could not compare.</summary>
public sealed record AuditReconcileSummary(int Tables, long Records, long Mismatches, IReadOnlyList<string> NotCompared);

/// <summary>
/// <c>audit reconcile</c>: every audited record's current state compared with the state its trail says it should
/// have, to find changes made behind the product's back (plain SQL on the database). Two passes per table, each in
/// chunks so memory stays bounded on a large database: the trail in record order, folded per record and compared with
/// the rows it names (a changed column, a row gone without a recorded deletion, a deleted row back); then the table's
/// rows, for any with no trail at all (inserted behind its back). Only the columns the trail records are compared,
/// without the save's own bookkeeping (version, updated_at) and the columns the product itself keeps outside the trail
/// (<see cref="AuditMapping.KeptOutsideTheTrail{T}(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder{T})"/>).
/// </summary>
public sealed class AuditReconciliation
{
    private const int Chunk = 500;

    private static readonly MethodInfo CompareTableMethod =
        typeof(AuditReconciliation).GetMethod(nameof(CompareTableAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly FollowthroughDb _db;

    internal AuditReconciliation(FollowthroughDb db) => _db = db;

    /// <summary>Calls <paramref name="found"/> for each mismatch as it is found; returns the totals.</summary>
    public async Task<AuditReconcileSummary> RunAsync(Func<AuditMismatch, Task> found, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(found);
        var tally = new Tally(found);
        var notCompared = new List<string>();
        var tables = 0;
        foreach (var group in _db.Model.GetEntityTypes().Where(Audited).GroupBy(t => t.GetTableName()!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var type = group.First();
            if (group.Count() > 1 || type.FindPrimaryKey() is not { } key || type.ClrType == typeof(Dictionary<string, object>))
            {
                notCompared.Add(group.Key);
                continue;
            }

            tables++;
            var first = key.Properties[0];
            var task = (Task)CompareTableMethod.MakeGenericMethod(type.ClrType, first.ClrType).Invoke(this, [type, tally, cancellationToken])!;
            await task;
        }

        return new AuditReconcileSummary(tables, tally.Records, tally.Mismatches, notCompared);
    }

    private static bool Audited(IEntityType type) =>
        type.ClrType != typeof(AuditEntry) && type.ClrType != typeof(AuditHead) && !type.IsOwned() && type.GetTableName() is not null
        && type.FindAnnotation(AuditMapping.NotReconciledAnnotation) is null;

    private async Task CompareTableAsync<TEntity, TKey>(IEntityType type, Tally tally, CancellationToken cancellationToken)
        where TEntity : class
    {
        var table = type.GetTableName()!;
        var ignored = Ignored(type);

        // Pass 1: the trail, record by record (keyset over the entity index), compared a chunk of records at a time.
        var batch = new List<AuditRecordState>(Chunk);
        AuditRecordState? current = null;
        var (lastId, lastSequence) = (string.Empty, 0L);
        while (true)
        {
            var (afterId, afterSequence) = (lastId, lastSequence);
            var entries = await _db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.EntityType == table
                    && (string.Compare(e.EntityId, afterId) > 0 || (e.EntityId == afterId && e.Sequence > afterSequence)))
                .OrderBy(e => e.EntityId).ThenBy(e => e.Sequence)
                .Take(Chunk * 4)
                .Select(e => new { e.EntityId, e.Sequence, e.BeforeJson, e.AfterJson })
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                if (current?.EntityId != entry.EntityId)
                {
                    if (current is not null && batch.Count == Chunk)
                    {
                        await CompareAsync<TEntity, TKey>(type, batch, ignored, tally, cancellationToken);
                        batch.Clear();
                    }

                    current = new AuditRecordState(entry.EntityId);
                    batch.Add(current);
                }

                current.Apply(entry.BeforeJson, entry.AfterJson);
                (lastId, lastSequence) = (entry.EntityId, entry.Sequence);
            }

            if (entries.Count < Chunk * 4)
            {
                break;
            }
        }

        await CompareAsync<TEntity, TKey>(type, batch, ignored, tally, cancellationToken);

        // Pass 2: the rows, for any the trail has never mentioned.
        var firsts = new List<TKey>();
        while (true)
        {
            firsts = await NextFirstKeysAsync<TEntity, TKey>(type, firsts.Count == 0 ? default : firsts[^1], firsts.Count > 0, cancellationToken);
            if (firsts.Count == 0)
            {
                break;
            }

            // A one-column key is the record's id itself; a composite one needs its rows to name them.
            var ids = type.FindPrimaryKey()!.Properties.Count == 1
                ? firsts.Select(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture)!).ToList()
                : [.. (await LoadAsync<TEntity, TKey>(type, firsts, cancellationToken)).Keys];
            var known = await _db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.EntityType == table && ids.Contains(e.EntityId)).Select(e => e.EntityId).Distinct().ToListAsync(cancellationToken);
            foreach (var id in ids.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                await tally.FoundAsync(new AuditMismatch(table, id, "the record has no audit trail (it was added behind the product's back)"));
            }
        }
    }

    private async Task CompareAsync<TEntity, TKey>(
        IEntityType type, List<AuditRecordState> states, IReadOnlySet<string> ignored, Tally tally, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (states.Count == 0)
        {
            return;
        }

        var firsts = new HashSet<TKey>();
        foreach (var state in states)
        {
            if (FirstKey<TKey>(state.EntityId) is { } first)
            {
                firsts.Add(first);
            }
        }

        var rows = await LoadAsync<TEntity, TKey>(type, [.. firsts], cancellationToken);
        foreach (var state in states)
        {
            tally.Records++;
            JsonElement? row = rows.TryGetValue(state.EntityId, out var found) ? found : null;
            foreach (var difference in state.Differences(row, ignored))
            {
                await tally.FoundAsync(new AuditMismatch(type.GetTableName()!, state.EntityId, difference));
            }
        }
    }

    /// <summary>The rows whose first key column is one of <paramref name="firsts"/>, by their audit id, as the trail would write them.</summary>
    private async Task<Dictionary<string, JsonElement>> LoadAsync<TEntity, TKey>(IEntityType type, List<TKey> firsts, CancellationToken cancellationToken)
        where TEntity : class
    {
        var rows = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (firsts.Count == 0)
        {
            return rows;
        }

        var name = type.FindPrimaryKey()!.Properties[0].Name;
        var entities = await _db.Set<TEntity>().Where(e => firsts.Contains(EF.Property<TKey>(e, name))).ToListAsync(cancellationToken);
        try
        {
            foreach (var entity in entities)
            {
                var entry = _db.Entry(entity);
                var values = entry.Properties.ToDictionary(p => p.Metadata.GetColumnName(), p => AuditRecorder.Plain(p.CurrentValue), StringComparer.Ordinal);
                using var json = JsonDocument.Parse(AuditBulk.Serialize(values));
                rows[AuditRecorder.KeyOf(entry)] = json.RootElement.Clone();
            }
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }

        return rows;
    }

    /// <summary>The next distinct values of the table's first key column after <paramref name="after"/>, in order.</summary>
    private Task<List<TKey>> NextFirstKeysAsync<TEntity, TKey>(IEntityType type, TKey? after, bool hasAfter, CancellationToken cancellationToken)
        where TEntity : class
    {
        var name = type.FindPrimaryKey()!.Properties[0].Name;
        var keys = _db.Set<TEntity>().AsNoTracking().Select(e => EF.Property<TKey>(e, name));
        if (hasAfter)
        {
            var k = Expression.Parameter(typeof(TKey), "k");
            Expression bound = Expression.Property(Expression.Constant(new Holder<TKey>(after!)), nameof(Holder<TKey>.Value));
            Expression greater = typeof(TKey) == typeof(string)
                ? Expression.GreaterThan(Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, k, bound), Expression.Constant(0))
                : Expression.GreaterThan(k, bound);
            keys = keys.Where(Expression.Lambda<Func<TKey, bool>>(greater, k));
        }

        return keys.Distinct().OrderBy(k => k).Take(Chunk).ToListAsync(cancellationToken);
    }

    private static TKey? FirstKey<TKey>(string entityId)
    {
        var first = entityId.Split('/')[0];
        var type = Nullable.GetUnderlyingType(typeof(TKey)) ?? typeof(TKey);
        try
        {
            return (TKey)Convert.ChangeType(first, type, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is FormatException or OverflowException or InvalidCastException)
        {
            return default;
        }
    }

    /// <summary>The save's own stamps and the columns the product keeps outside the trail.</summary>
    private static HashSet<string> Ignored(IEntityType type)
    {
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties())
        {
            if (property.Name is nameof(IVersioned.Version) or nameof(ITimestamped.UpdatedAt)
                || property.FindAnnotation(AuditMapping.NotReconciledAnnotation) is not null)
            {
                ignored.Add(property.GetColumnName());
            }
        }

        return ignored;
    }

    /// <summary>A parameter, not a constant, in the query.</summary>
    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class Tally(Func<AuditMismatch, Task> found)
    {
        public long Records { get; set; }

        public long Mismatches { get; private set; }

        public Task FoundAsync(AuditMismatch mismatch)
        {
            Mismatches++;
            return found(mismatch);
        }
    }
}
