using System.Data.Common;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Followthrough.Tasks;

/// <summary>
/// Writes <see cref="ReportedPeriods"/> summaries for the tasks that have none (tasks.reported_periods IS NULL), so the
/// bulletin reads the tasks due in a period without their reports. Runs after <c>demo generate</c>, in the daily
/// supervision run and as <c>followthrough bulletin summarize</c>. Each batch is one write transaction that no report can
/// slip into: SQLite's write lock is taken before reading (Microsoft.Data.Sqlite begins IMMEDIATE transactions), and on
/// PostgreSQL the tasks are locked FOR UPDATE first, which the triggers of migration 0012 wait for. Stopping it loses at
/// most the batch under way; running it again picks up the tasks still without a summary, and does nothing when none is.
/// The summaries are derived figures, not records: they are not written to the audit trail. The column, its triggers and
/// its indexes (migrations 0012 and 0013, named evaluation_* from when the bulletin kept them) are Tasks' read model.
/// </summary>
public sealed class ReportedPeriodSummaries(FollowthroughDb db)
{
    public const int DefaultBatch = 5_000;

    /// <summary>Summarizes every task without a summary, in batches; returns how many summaries were written.</summary>
    public async Task<int> FillAsync(int batch = DefaultBatch, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var (after, written) = (0, 0);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            while (true)
            {
                var (last, count) = await BatchAsync(after, batch, cancellationToken);
                if (last is null)
                {
                    return written;
                }

                (after, written) = (last.Value, written + count);
                progress?.Report(written);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One batch: the next tasks after <paramref name="after"/> without a summary. Returns the last id read (null
    /// when none was left) and how many summaries were written.</summary>
    private async Task<(int? Last, int Written)> BatchAsync(int after, int batch, CancellationToken cancellationToken)
    {
        var postgres = !db.Database.IsSqlite();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tasks = new List<(int Id, ReportingCadence Cadence, DateOnly? AssignedOn, DateOnly? Deadline)>();
        await using (var select = db.CreateCommand(NextBatch(postgres)))
        {
            select.AddParameter("@after", after);
            select.AddParameter("@batch", batch);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tasks.Add((reader.GetInt32(0), Enum.Parse<ReportingCadence>(reader.GetString(1)), reader.GetDayOrNull(2), reader.GetDayOrNull(3)));
            }
        }

        if (tasks.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return (null, 0);
        }

        var ids = tasks.Select(t => t.Id).ToList();
        var reports = (await db.Set<ProgressReport>().AsNoTracking()
            .Where(r => r.ReturnedAt == null && ids.Contains(r.TaskId))
            .Select(r => new { r.TaskId, r.ReportedOn }).ToListAsync(cancellationToken))
            .ToLookup(r => r.TaskId, r => r.ReportedOn);
        var summaries = tasks
            .Select(t => (t.Id, Text: ReportedPeriods.Summarize(t.Cadence, t.AssignedOn, t.Deadline, reports[t.Id])))
            .Where(s => s.Text is not null).ToList();

        if (postgres)
        {
            await using var update = db.CreateCommand(
                "UPDATE tasks AS t SET reported_periods = s.text FROM unnest(@ids, @texts) AS s (id, text) WHERE t.id = s.id");
            ((NpgsqlCommand)update).Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = summaries.Select(s => s.Id).ToArray() });
            ((NpgsqlCommand)update).Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = summaries.Select(s => s.Text!).ToArray() });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            // One prepared statement rebound per task: SQLite runs in this process, so a statement per row is cheap.
            await using var update = db.CreateCommand("UPDATE tasks SET reported_periods = @text WHERE id = @id");
            var text = update.AddParameter("@text", string.Empty);
            var id = update.AddParameter("@id", 0);
            await update.PrepareAsync(cancellationToken);
            foreach (var summary in summaries)
            {
                (text.Value, id.Value) = (summary.Text, summary.Id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (tasks[^1].Id, summaries.Count);
    }

    /// <summary>
    /// The next tasks without a summary, read through the partial index <c>evaluation_tasks_unsummarized</c> (migration
    /// 0013), so a fill with nothing to do reads nothing; on PostgreSQL locked for the batch's transaction.
    /// </summary>
    internal static string NextBatch(bool postgres) =>
        "SELECT id, reporting_cadence, assigned_on, deadline FROM tasks WHERE reported_periods IS NULL AND id > @after ORDER BY id LIMIT @batch"
        + (postgres ? " FOR UPDATE" : string.Empty);

}
