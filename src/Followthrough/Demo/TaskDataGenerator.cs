using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Followthrough.Audit;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Followthrough.Demo;

/// <summary>What to generate. <see cref="Reports"/> null means ten per task.</summary>
public sealed record GeneratorRequest(int Tasks, long? Reports = null, int Units = 500, DateOnly? Today = null, int Seed = 20210421)
{
    public const int MaxTasks = 20_000_000;
    public const long MaxReports = 500_000_000;
    public const int MaxUnits = 100_000;

    /// <summary>The problems with the request, in sentences naming the option; empty when it can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Tasks is < 1 or > MaxTasks)
        {
            problems.Add($"--tasks must be a whole number from 1 to {MaxTasks:N0} (got {Tasks}).");
        }

        if (Reports is < 0 or > MaxReports)
        {
            problems.Add($"--reports must be a whole number from 0 to {MaxReports:N0} (got {Reports}).");
        }

        if (Units is < 1 or > MaxUnits)
        {
            problems.Add($"--units must be a whole number from 1 to {MaxUnits:N0} (got {Units}).");
        }

        return problems;
    }
}

/// <summary>What was written.</summary>
public sealed record GeneratorResult(int UnitsCreated, int Tasks, long TimeNodes, long Partners, long Reports, int FirstTaskId, int LastTaskId, TimeSpan Elapsed);

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
    private const string Reporter = "Generated";

    private static readonly Column[] TaskColumns =
    [
        new("id", Kind.Int), new("code", Kind.Text), new("title", Kind.Text), new("description", Kind.Text), new("origin_kind", Kind.Text),
        new("lead_unit_id", Kind.Int), new("supervision_level", Kind.Text), new("deadline_kind", Kind.Text), new("deadline", Kind.Date),
        new("deadline_provisional", Kind.Bool), new("next_due", Kind.Date), new("reporting_cadence", Kind.Text), new("next_report_due", Kind.Date),
        new("state", Kind.Text), new("assigned_on", Kind.Date), new("sign_for_by", Kind.Date), new("signed_on", Kind.Date),
        new("completion_claimed_on", Kind.Date), new("closed_on", Kind.Date), new("percent", Kind.Int), new("last_report_on", Kind.Date),
        new("needs_rework", Kind.Bool), new("extension_pending", Kind.Bool), new("version", Kind.Int), new("created_at", Kind.Time), new("updated_at", Kind.Time),
    ];

    private static readonly Column[] NodeColumns = [new("task_id", Kind.Int), new("title", Kind.Text), new("due_on", Kind.Date), new("reached_on", Kind.Date)];

    private static readonly Column[] PartnerColumns = [new("task_id", Kind.Int), new("unit_id", Kind.Int), new("part", Kind.Text)];

    private static readonly Column[] ReportColumns =
    [
        new("task_id", Kind.Int), new("reported_on", Kind.Date), new("reported_at", Kind.Time), new("reported_by_name", Kind.Text), new("percent", Kind.Int),
        new("done", Kind.Text), new("next_steps", Kind.Text), new("claims_completion", Kind.Bool),
    ];

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
        var plan = new Shaper(request, today, units);
        long nodes = 0, partners = 0, reports = 0;
        int firstId = 0, lastId = 0;
        var batch = new Batch();
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

                await WriteAsync("tasks", TaskColumns, batch.Tasks, cancellationToken);
                await WriteAsync("task_time_nodes", NodeColumns, batch.Nodes, cancellationToken);
                await WriteAsync("task_partners", PartnerColumns, batch.Partners, cancellationToken);
                await WriteAsync("progress_reports", ReportColumns, batch.Reports, cancellationToken);
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
        await new ReportedPeriodSummaries(db).FillAsync(ReportedPeriodSummaries.DefaultBatch, cancellationToken: cancellationToken);
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
        await BulkSql.InsertAsync(db, "units", ["code", "name_zh", "name_en", "kind", "created_at", "updated_at"], rows, cancellationToken);
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
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = IsSqlite
            ? "ANALYZE"
            : "SELECT setval(pg_get_serial_sequence('tasks', 'id'), (SELECT MAX(id) FROM tasks)); ANALYZE tasks; ANALYZE task_time_nodes; ANALYZE task_partners; ANALYZE progress_reports;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteAsync(string table, Column[] columns, List<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var names = string.Join(", ", columns.Select(c => c.Name));
        if (connection is NpgsqlConnection npgsql)
        {
            await using var import = await npgsql.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken);
                for (var c = 0; c < columns.Length; c++)
                {
                    if (row[c] is null)
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await import.WriteAsync(row[c], columns[c].PostgreSqlType, cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
            return;
        }

        // SQLite: one compiled statement, rebound per row, is the fastest way in (no SQL parsing per row).
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private enum Kind
    {
        Int,
        Text,
        Date,
        Time,
        Bool,
    }

    private sealed record Column(string Name, Kind Kind)
    {
        public NpgsqlDbType PostgreSqlType => Kind switch
        {
            Kind.Int => NpgsqlDbType.Integer,
            Kind.Text => NpgsqlDbType.Text,
            Kind.Date => NpgsqlDbType.Date,
            Kind.Time => NpgsqlDbType.TimestampTz,
            _ => NpgsqlDbType.Boolean,
        };
    }

    private sealed class Batch
    {
        public List<object?[]> Tasks { get; } = [];

        public List<object?[]> Nodes { get; } = [];

        public List<object?[]> Partners { get; } = [];

        public List<object?[]> Reports { get; } = [];

        public void Clear()
        {
            Tasks.Clear();
            Nodes.Clear();
            Partners.Clear();
            Reports.Clear();
        }
    }

    /// <summary>Decides each task's shape from its number and the seed; deterministic, so the same request gives the same data.</summary>
    private sealed class Shaper(GeneratorRequest request, DateOnly today, int[] units)
    {
        // Of every 100 tasks, these many in each state (the benchmark's proportions).
        private static readonly (int Upto, TaskState State)[] States =
        [
            (60, TaskState.Closed), (85, TaskState.InProgress), (90, TaskState.Assigned), (95, TaskState.SignedFor), (98, TaskState.CompletionClaimed), (100, TaskState.Draft),
        ];

        private readonly Random _random = new(request.Seed);
        private readonly long _reports = request.Reports ?? 10L * request.Tasks;
        private readonly long _eligible = Eligible(request.Tasks);
        private long _eligibleSeen;
        private readonly DateTime _now = DateTime.SpecifyKind(today.ToDateTime(new TimeOnly(1, 0)), DateTimeKind.Utc);

        /// <summary>Tasks whose state has reports (in progress, awaiting verification, closed): they share the reports.</summary>
        private static long Eligible(int tasks)
        {
            var perHundred = Enumerable.Range(0, 100).Count(i => HasReports(StateOf(i)));
            return ((long)(tasks / 100) * perHundred) + Enumerable.Range(0, tasks % 100).Count(i => HasReports(StateOf(i)));
        }

        private static bool HasReports(TaskState state) => state is TaskState.InProgress or TaskState.CompletionClaimed or TaskState.Closed;

        private static TaskState StateOf(int i) => States.First(s => i % 100 < s.Upto).State;

        public void Shape(int i, int id, Batch batch)
        {
            var state = StateOf(i);
            var reportCount = 0;
            if (HasReports(state))
            {
                reportCount = (int)((_reports / _eligible) + (_eligibleSeen < _reports % _eligible ? 1 : 0));
                _eligibleSeen++;
                if (reportCount == 0)
                {
                    state = TaskState.SignedFor; // no report to its name: it cannot be under way yet
                }
            }

            // The unit is drawn at random, not from the task's number: states follow the number, and every unit needs all of them.
            var unit = _random.Next(units.Length);
            var cadence = _random.Next(10) switch { < 7 => ReportingCadence.Monthly, < 9 => ReportingCadence.Quarterly, _ => ReportingCadence.Weekly };
            var task = new WorkTask
            {
                Id = id,
                Code = TaskPrefix + id.ToString("D8", CultureInfo.InvariantCulture),
                Title = "Generated task " + id.ToString(CultureInfo.InvariantCulture),
                LeadUnitId = units[unit],
                State = state,
                ReportingCadence = cadence,
                SupervisionLevel = _random.Next(5) == 0 ? SupervisionLevel.Key : SupervisionLevel.Routine,
            };

            if (state == TaskState.Draft)
            {
                task.Deadline = today.AddDays(30 + _random.Next(300));
            }
            else
            {
                var assigned = today.AddDays(-(20 + _random.Next(400)));
                task.AssignedOn = assigned;
                task.SignForBy = assigned.AddDays(3);
                task.Deadline = assigned.AddDays(30 + _random.Next(420));
                if (state != TaskState.Assigned)
                {
                    task.SignedOn = assigned.AddDays(_random.Next(4));
                }

                if (state is TaskState.Closed or TaskState.CompletionClaimed)
                {
                    var first = task.SignedOn!.Value.AddDays(1);
                    var latest = Min(today.AddDays(-1), task.Deadline.Value.AddDays(30));
                    var claimed = latest <= first ? first : first.AddDays(_random.Next(latest.DayNumber - first.DayNumber + 1));
                    task.CompletionClaimedOn = claimed;
                    if (state == TaskState.Closed)
                    {
                        task.ClosedOn = Min(today, claimed.AddDays(_random.Next(6)));
                    }
                }

                // Up to two time nodes between assignment and the deadline; passed ones are mostly reached.
                for (var n = _random.Next(3); n > 0; n--)
                {
                    var span = Math.Max(1, task.Deadline.Value.DayNumber - assigned.DayNumber);
                    var due = assigned.AddDays(1 + _random.Next(span));
                    var reached = state is TaskState.Closed or TaskState.CompletionClaimed || (due < today && _random.Next(5) > 0) ? (DateOnly?)due : null;
                    task.TimeNodes.Add(new TimeNode { TaskId = id, Title = "Milestone " + n.ToString(CultureInfo.InvariantCulture), DueOn = due, ReachedOn = reached });
                }
            }

            var reportDates = new List<DateOnly>(reportCount);
            if (reportCount > 0)
            {
                var from = task.SignedOn!.Value.AddDays(1);
                var to = task.CompletionClaimedOn ?? today;
                if (to < from)
                {
                    to = from;
                }

                var closing = state is TaskState.Closed or TaskState.CompletionClaimed;
                for (var r = 0; r < reportCount; r++)
                {
                    var on = from.AddDays((int)((long)(to.DayNumber - from.DayNumber) * (r + 1) / reportCount));
                    var percent = closing ? (r + 1) * 100 / reportCount : Math.Max(1, (r + 1) * 90 / reportCount);
                    var claims = closing && r == reportCount - 1;
                    reportDates.Add(on);
                    batch.Reports.Add([id, on, DateTime.SpecifyKind(on.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc), Reporter, percent,
                        "Report " + (r + 1).ToString(CultureInfo.InvariantCulture) + ": work done as planned", "Continue", claims]);
                    task.Percent = percent;
                    task.LastReportOn = on;
                }
            }

            task.RefreshDue(reportDates, today);
            batch.Tasks.Add([
                id, task.Code, task.Title, string.Empty, nameof(OriginKind.Manual), task.LeadUnitId, task.SupervisionLevel.ToString(), nameof(DeadlineKind.Date),
                task.Deadline, false, task.NextDue, cadence.ToString(), task.NextReportDue, state.ToString(), task.AssignedOn, task.SignForBy, task.SignedOn,
                task.CompletionClaimedOn, task.ClosedOn, task.Percent, task.LastReportOn, false, false, 1, _now, _now,
            ]);
            foreach (var node in task.TimeNodes)
            {
                batch.Nodes.Add([id, node.Title, node.DueOn, node.ReachedOn]);
            }

            // Up to two co-operating units besides the lead unit.
            var partnerCount = units.Length > 2 ? _random.Next(3) : 0;
            for (var p = 1; p <= partnerCount; p++)
            {
                batch.Partners.Add([id, units[(unit + p) % units.Length], "Co-operating part " + p.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }
}
