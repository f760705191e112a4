using Followthrough.Hosting;
using BenchmarkDotNet.Attributes;
using Followthrough.Evaluation;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Benchmarks;

/// <summary>
/// The evaluation bulletin over the million tasks <see cref="TaskListBenchmarks"/> seeds (500 units; deadlines from
/// January 2026 to February 2027; "today" 1 March 2026). The seeded file is copied, migrated to the bulletin's index and
/// given sign-for dates (the seed leaves them empty), so the reporting-schedule pass has every due task to read.
/// v2 is v1 copied and migrated to the current schema (0009's <c>evaluation_tasks_due</c>); v1 is left as it was.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- --filter '*Bulletin*' --inProcess
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class BulletinBenchmarks
{
    private static readonly string Original = Path.Combine(Path.GetTempPath(), "ft-bench-bulletin-1000000-v1.db");
    private static readonly string File = Path.Combine(Path.GetTempPath(), "ft-bench-bulletin-1000000-v2.db");

    private ServiceProvider _services = null!;
    private EvaluationPeriod _quarter = null!;
    private EvaluationPeriod _month = null!;

    [GlobalSetup]
    public void Setup()
    {
        // FT_BENCH_DATABASE points the benchmark at a database already filled by `followthrough demo generate` (with
        // its progress reports), migrated and summarized (`followthrough bulletin summarize`); it is used as it is.
        var external = Environment.GetEnvironmentVariable("FT_BENCH_DATABASE");
        if (string.IsNullOrEmpty(external))
        {
            Seed();
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(DatabaseSettings.Parse(string.IsNullOrEmpty(external) ? File : external));
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8))));
        _services = services.BuildServiceProvider();
        if (!EvaluationPeriod.TryParse("2026Q1", out _quarter, out var error) || !EvaluationPeriod.TryParse("2026-02", out _month, out error))
        {
            throw new InvalidOperationException(error);
        }
    }

    private static void Seed()
    {
        if (!System.IO.File.Exists(File) && System.IO.File.Exists(Original))
        {
            System.IO.File.Copy(Original, File + ".tmp", overwrite: true);
            new MigrationRunner(DatabaseSettings.Parse(File + ".tmp")).MigrateAsync().GetAwaiter().GetResult();
            SqliteConnection.ClearAllPools();
            System.IO.File.Move(File + ".tmp", File);
        }

        if (!System.IO.File.Exists(File))
        {
            var tasks = new TaskListBenchmarks();
            tasks.Setup(); // seeds its own file once
            tasks.Cleanup();
            SqliteConnection.ClearAllPools();
            System.IO.File.Copy(Path.Combine(Path.GetTempPath(), "ft-bench-tasks-1000000-v2.db"), File + ".tmp", overwrite: true);
            var copy = DatabaseSettings.Parse(File + ".tmp");
            new MigrationRunner(copy).MigrateAsync().GetAwaiter().GetResult();
            using (var connection = new SqliteConnection(copy.ConnectionString))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE tasks SET signed_on = '2025-12-04' WHERE state <> 'Draft'; ANALYZE;";
                command.CommandTimeout = 0;
                command.ExecuteNonQuery();
            }

            SqliteConnection.ClearAllPools();
            System.IO.File.Move(File + ".tmp", File);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<int> QuarterBulletin()
    {
        await using var scope = _services.CreateAsyncScope();
        var bulletin = await scope.ServiceProvider.GetRequiredService<BulletinBuilder>().BuildAsync(_quarter);
        return bulletin.Rows.Count;
    }

    [Benchmark]
    public async Task<int> MonthBulletin()
    {
        await using var scope = _services.CreateAsyncScope();
        var bulletin = await scope.ServiceProvider.GetRequiredService<BulletinBuilder>().BuildAsync(_month);
        return bulletin.Rows.Count;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
