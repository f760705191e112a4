using Followthrough.Hosting;
using System.Diagnostics;
using System.Globalization;
using Followthrough.Audit;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Supervision;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Benchmarks;

/// <summary>
/// The daily supervision run on SQLite over the million tasks of <see cref="TaskListBenchmarks"/> ("today" 1 March 2026, a Sunday):
/// the first run of the day (every reminder, urging notice and escalation written, with timeline steps and audit
/// entries), then the same day again (nothing left to write), then the next two working days. Works on a copy, so the
/// seeded database stays as it is. Runs in this process, with its JIT settings; the CLI's own figures are in
/// bench/RESULTS.md.
/// </summary>
public static class SupervisionRunSpeed
{
    public static async Task<int> RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seeded = TaskListBenchmarks.SeededDatabase();
        var copy = Path.Combine(Path.GetTempPath(), $"ft-bench-supervision-{Environment.ProcessId}.db");
        File.Copy(seeded, copy, overwrite: true);
        try
        {
            var settings = DatabaseSettings.Parse(copy);
            await new MigrationRunner(settings).MigrateAsync();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddFollowthroughCore(settings);
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8))));
            await using var provider = services.BuildServiceProvider();
            var runs = new[]
            {
                (Label: "first run, 1 March (the whole backlog)", Day: new DateOnly(2026, 3, 1)),
                (Label: "same day again (nothing new)", Day: new DateOnly(2026, 3, 1)),
                (Label: "next working day, 2 March (a normal day)", Day: new DateOnly(2026, 3, 2)),
                (Label: "the working day after, 3 March (a normal day)", Day: new DateOnly(2026, 3, 3)),
            };
            foreach (var (label, day) in runs)
            {
                await using var scope = provider.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Actor>().Set(null, SupervisionRun.ActorName);
                var clock = Stopwatch.StartNew();
                var result = await scope.ServiceProvider.GetRequiredService<SupervisionRun>().RunAsync(day);
                clock.Stop();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {clock.Elapsed.TotalSeconds:F1} s, {result.NoticesCreated:N0} notices, {result.TasksMadeKeyItems:N0} key items, {result.TasksPutOnSpecialList:N0} on the special list"));
            }

            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
                var notices = await db.Set<Notice>().CountAsync();
                var audit = await db.Set<AuditEntry>().CountAsync();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"notices in the database: {notices:N0}; audit entries: {audit:N0}"));
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
