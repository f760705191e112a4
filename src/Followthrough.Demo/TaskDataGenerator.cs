using System.Diagnostics;
using System.Globalization;
using Followthrough.Audit;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Demo;

/// <summary>
/// Synthetic tasks for benchmarks and load tests: units, tasks with co-operating units and time nodes, and progress
/// reports, written in bulk (a reused prepared statement on SQLite, binary COPY on PostgreSQL) in batches of
/// <see cref="BatchTasks"/> tasks, each batch committed on its own. The shapes follow the product's rules: states in
/// the proportions of a city's books (60% closed, 25% in progress, 5% assigned, 5% signed for, 3% awaiting
/// verification, 2% drafts), reports only after signing for and ending with the claim of a closed task, and the hot
/// columns (<c>next_due</c>, <c>next_report_due</c>) computed by <see cref="WorkTask.RefreshDue"/> itself, so the
/// lists read them exactly as they read real tasks. The same seed gives the same data.
/// Not written: task events, tags and evidence, and one audit entry per row: one audit entry per batch names the
/// generated id range instead (the data is synthetic; per-row entries would triple the size of a benchmark database).
/// </summary>
public sealed class TaskDataGenerator(FollowthroughDb db, TimeProvider clock)
{
    public const int BatchTasks = 20_000;
    public const string UnitPrefix = "GEN-U";
    public const string TaskPrefix = "GEN-";

    public async Task<GeneratorResult> GenerateAsync(GeneratorRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        // One connection for the whole run, given back closed (the context may be a pooled one).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await GenerateOnOpenConnectionAsync(request, progress, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<GeneratorResult> GenerateOnOpenConnectionAsync(GeneratorRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var today = request.Today ?? clock.Today();

        var created = await EnsureUnitsAsync(request.Units, cancellationToken);
        var units = await UnitIdsAsync(request.Units, cancellationToken);
        var plan = new GeneratedTaskShaper(request, today, units);
        long nodes = 0, partners = 0, reports = 0;
        int firstId = 0, lastId = 0;
        var batch = new GeneratedBatch();
        for (var start = 0; start < request.Tasks; start += BatchTasks)
        {
            var count = Math.Min(BatchTasks, request.Tasks - start);
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                // Ids are given explicitly (the other rows refer to them); the trail's lock keeps other writers out meanwhile.
                await AuditBulk.LockAsync(db, cancellationToken);
                var batchFirst = await ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM tasks", cancellationToken) + 1;
                firstId = start == 0 ? batchFirst : firstId;
                lastId = batchFirst + count - 1;
                batch.Clear();
                for (var i = start; i < start + count; i++)
                {
                    plan.Shape(i, batchFirst + i - start, batch);
                }

                await batch.WriteAsync(db, cancellationToken);
                await AuditBulk.AppendAsync(db, "generated", "Synthetic benchmark data (followthrough demo generate)",
                [
                    BulkAuditRecord.From("tasks", $"{batchFirst}-{lastId}", new Dictionary<string, object?>
                    {
                        ["tasks"] = count, ["time_nodes"] = batch.Nodes.Count, ["partners"] = batch.Partners.Count, ["reports"] = batch.Reports.Count, ["seed"] = request.Seed,
                    }),
                ], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            nodes += batch.Nodes.Count;
            partners += batch.Partners.Count;
            reports += batch.Reports.Count;
            progress?.Report($"{start + count:N0} of {request.Tasks:N0} tasks, {reports:N0} reports, {watch.Elapsed.TotalSeconds:N0} s");
        }

        // The reports just written left their tasks without a summary of answered periods: fill them once, at the end,
        // rather than per batch (ReportedPeriodSummaries skips the tasks that already have one).
        progress?.Report($"Summarizing reporting periods for the bulletin, {watch.Elapsed.TotalSeconds:N0} s");
        await new Tasks.ReportedPeriodSummaries(db).FillAsync(Tasks.ReportedPeriodSummaries.DefaultBatch, cancellationToken: cancellationToken);
        await FinishAsync(cancellationToken);
        return new GeneratorResult(created, request.Tasks, nodes, partners, reports, firstId, lastId, watch.Elapsed);
    }

    private bool IsSqlite => db.Database.IsSqlite();

    /// <summary>Creates the units GEN-U0001 … that do not exist yet; returns how many it created.</summary>
    private async Task<int> EnsureUnitsAsync(int count, CancellationToken cancellationToken)
    {
        var existing = (await db.Set<Organization.Unit>().Where(u => u.Code.StartsWith(UnitPrefix)).Select(u => u.Code).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var missing = Enumerable.Range(1, count).Select(UnitCode).Where(c => !existing.Contains(c)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = missing.Select(code => new object?[] { code, "生成单位" + code[UnitPrefix.Length..], "Generated unit " + code[UnitPrefix.Length..], "Bureau", now, now }).ToList();
        await HandWrittenSql.InsertAsync(db, "units", ["code", "name_zh", "name_en", "kind", "created_at", "updated_at"], rows, cancellationToken);
        await AuditBulk.AppendAsync(db, "generated", "Synthetic benchmark units (followthrough demo generate)",
            [BulkAuditRecord.From("units", $"{missing[0]}..{missing[^1]}", new Dictionary<string, object?> { ["units"] = missing.Count })], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return missing.Count;
    }

    private async Task<int[]> UnitIdsAsync(int count, CancellationToken cancellationToken)
    {
        var ids = await db.Set<Organization.Unit>().Where(u => u.Code.StartsWith(UnitPrefix)).Select(u => new { u.Code, u.Id }).ToListAsync(cancellationToken);
        var byCode = ids.ToDictionary(u => u.Code, u => u.Id);
        return [.. Enumerable.Range(1, count).Select(i => byCode[UnitCode(i)])];
    }

    public static string UnitCode(int number) => UnitPrefix + number.ToString("D4", CultureInfo.InvariantCulture);

    private async Task<int> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Ids were given explicitly: move PostgreSQL's identity past them; refresh the planner's statistics.</summary>
    private async Task FinishAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(IsSqlite
            ? "ANALYZE"
            : "SELECT setval(pg_get_serial_sequence('tasks', 'id'), (SELECT MAX(id) FROM tasks)); ANALYZE tasks; ANALYZE task_time_nodes; ANALYZE task_partners; ANALYZE progress_reports;");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
