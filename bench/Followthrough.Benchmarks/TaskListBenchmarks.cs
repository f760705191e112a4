using System.Globalization;
using BenchmarkDotNet.Attributes;
using Followthrough.Audit;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Benchmarks;

/// <summary>
/// The hot task lists on SQLite with a million tasks over 500 units: one unit's inbox (four lists, each a count and
/// the first 50 rows with their tags, time nodes and co-operating units) and the supervisor's board (five lists).
/// "Today" is 1 March 2026; running tasks fall due between 1 January 2026 and February 2027, so about 5% of all
/// tasks are overdue. The database is built once in the temporary folder and reused.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- --filter '*TaskList*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TaskListBenchmarks
{
    private const int Tasks = 1_000_000;
    private const int Units = 500;
    private static readonly string File = Path.Combine(Path.GetTempPath(), $"ft-bench-tasks-{Tasks}-v2.db");

    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        var settings = DatabaseSettings.Parse(File);
        if (!Exists())
        {
            Seed(settings);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(settings);
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8))));
        _services = services.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<int> UnitInbox()
    {
        await using var scope = _services.CreateAsyncScope();
        var inbox = await scope.ServiceProvider.GetRequiredService<TaskQueries>().InboxAsync(42);
        return inbox.Overdue.Total + inbox.ToSignFor.Rows.Count;
    }

    [Benchmark]
    public async Task<int> SupervisorBoard()
    {
        await using var scope = _services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<TaskQueries>().BoardAsync();
        return board.Overdue.Total + board.DueSoon.Rows.Count;
    }

    [Benchmark]
    public async Task<int> OverdueFirstPage()
    {
        await using var scope = _services.CreateAsyncScope();
        var overdue = await scope.ServiceProvider.GetRequiredService<TaskQueries>().OverdueAsync(null, 50);
        return overdue.Total;
    }

    /// <summary>The seeded million-task database, built on first use (the supervision run benchmark copies it).</summary>
    internal static string SeededDatabase()
    {
        if (!Exists())
        {
            Seed(DatabaseSettings.Parse(File));
        }

        return File;
    }

    private static bool Exists()
    {
        if (!System.IO.File.Exists(File))
        {
            return false;
        }

        using var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tasks";
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == Tasks;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Units and tasks written in bulk with SQL: the shapes the lists read, not a realistic history.</summary>
    private static void Seed(DatabaseSettings settings)
    {
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
        new MigrationRunner(settings).MigrateAsync().GetAwaiter().GetResult();
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Units})
            INSERT INTO units (code, name_zh, name_en, kind, created_at, updated_at)
            SELECT 'BENCH-' || i, '单位' || i, 'Unit ' || i, 'Bureau', '2026-01-01', '2026-01-01' FROM n;

            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Tasks}),
            shaped AS (
                SELECT i,
                       CASE WHEN i % 100 < 60 THEN 'Closed' WHEN i % 100 < 85 THEN 'InProgress' WHEN i % 100 < 90 THEN 'Assigned'
                            WHEN i % 100 < 95 THEN 'SignedFor' WHEN i % 100 < 98 THEN 'CompletionClaimed' ELSE 'Draft' END AS state,
                       date('2026-01-01', '+' || ((i / 7) % 400) || ' days') AS due
                FROM n)
            INSERT INTO tasks (code, title, origin_kind, lead_unit_id, supervision_level, deadline_kind, deadline, next_due,
                               reporting_cadence, next_report_due, state, assigned_on, sign_for_by, percent, needs_rework,
                               extension_pending, completion_claimed_on, created_at, updated_at)
            SELECT 'B-' || i, 'Benchmark task ' || i, 'Manual', 1 + (i % {Units}), 'Routine', 'Date', due,
                   CASE WHEN state IN ('Assigned', 'SignedFor', 'InProgress') THEN due END,
                   'Monthly',
                   CASE WHEN state IN ('Assigned', 'SignedFor', 'InProgress') THEN date('2026-01-31', '+' || ((i / 3) % 90) || ' days') END,
                   state, '2025-12-01', '2025-12-04', i % 100, (i % 997 = 0), (i % 1009 = 0),
                   CASE WHEN state IN ('CompletionClaimed', 'Closed') THEN date('2026-01-01', '+' || ((i / 11) % 59) || ' days') END,
                   '2026-01-01', '2026-01-01'
            FROM shaped;
            ANALYZE;
            """;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
