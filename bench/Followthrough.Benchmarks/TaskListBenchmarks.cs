using Followthrough.Hosting;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Followthrough.Demo;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Benchmarks;

/// <summary>
/// The hot task lists on SQLite with a million tasks over 500 units: one unit's inbox (four lists, each a count and
/// the first 50 rows with their tags, time nodes and co-operating units) and the supervisor's board (five lists).
/// "Today" is 1 March 2026. The data comes from <see cref="TaskDataGenerator"/> (the generator behind
/// <c>followthrough demo generate</c>), built once in the temporary folder and reused.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- --filter '*TaskList*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TaskListBenchmarks
{
    private const int Tasks = 1_000_000;
    private const int Units = 500;
    private static readonly string File = Path.Combine(Path.GetTempPath(), $"ft-bench-tasks-{Tasks}-v3.db");
    private static readonly DateOnly Today = new(2026, 3, 1);

    private ServiceProvider _services = null!;

    /// <summary>Whose inbox: unit 42 of the seeded file, or FT_BENCH_UNIT (an id) in a generated database.</summary>
    private static readonly int InboxUnit = int.Parse(Environment.GetEnvironmentVariable("FT_BENCH_UNIT") ?? "42", System.Globalization.CultureInfo.InvariantCulture);

    [GlobalSetup]
    public void Setup()
    {
        // FT_BENCH_DATABASE points the benchmark at a database already filled by `followthrough demo generate`
        // (a PostgreSQL connection string, say), read as of today: that is how the PostgreSQL numbers are taken.
        var external = Environment.GetEnvironmentVariable("FT_BENCH_DATABASE");
        var settings = DatabaseSettings.Parse(external ?? File);
        if (external is null && !Exists())
        {
            Seed(settings);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(settings);
        services.AddSingleton(external is null ? new FixedClock(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8))) : TimeProvider.System);
        _services = services.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<int> UnitInbox()
    {
        await using var scope = _services.CreateAsyncScope();
        var inbox = await scope.ServiceProvider.GetRequiredService<TaskListReader>().InboxAsync(InboxUnit);
        return inbox.Overdue.Total + inbox.ToSignFor.Rows.Count;
    }

    [Benchmark]
    public async Task<int> SupervisorBoard()
    {
        await using var scope = _services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<TaskListReader>().BoardAsync();
        return board.Overdue.Total + board.DueSoon.Rows.Count;
    }

    [Benchmark]
    public async Task<int> OverdueFirstPage()
    {
        await using var scope = _services.CreateAsyncScope();
        var overdue = await scope.ServiceProvider.GetRequiredService<TaskListReader>().OverdueAsync(null, 50);
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

    /// <summary>The same generator as <c>followthrough demo generate</c>: 500 units, a million tasks, one report per task under way or done.</summary>
    private static void Seed(DatabaseSettings settings)
    {
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
        new MigrationRunner(settings).MigrateAsync().GetAwaiter().GetResult();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(settings);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var generator = new TaskDataGenerator(scope.ServiceProvider.GetRequiredService<FollowthroughDb>(), TimeProvider.System);
        generator.GenerateAsync(new GeneratorRequest(Tasks, Reports: Tasks, Units: Units, Today: Today)).GetAwaiter().GetResult();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
