using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Followthrough.Hosting;
using Followthrough.Services.Applications;
using Followthrough.Services.Figures;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Benchmarks.Services;

/// <summary>
/// Issue 15's targets at scale, on a database made by <c>bench/load/services-10m.sh</c> (10,000,000 applications):
/// a unit's queue (what GET /api/v1/services/applications/queue/{unit} and the queue page run:
/// <see cref="ServiceApplications.QueueAsync"/>) under 50 ms, open and with a state filter, for the busiest unit and
/// a small one; and a month's figures (what GET /api/v1/services/figures and <c>services stats --month</c> run:
/// <see cref="ServiceFigures.MonthAsync"/>) under 1 s. Each call in its own scope (a request's DbContext), as the
/// supervision office; a few unmeasured calls first, then the timed ones.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- services-scale DATABASE [calls]
/// </summary>
internal static class ServicesScaleSpeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = DatabaseSettings.Parse(args[1]);
        var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(settings);
        await using var provider = services.BuildServiceProvider();

        List<(int Unit, int Count)> units;
        CurrentUser office;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            var watch = Stopwatch.StartNew();
            units = await db.QueryAsync(
                "SELECT unit_id, COUNT(*) FROM service_applications GROUP BY unit_id ORDER BY 2 DESC", [],
                r => (r.GetInt32(0), r.GetInt32(1)));
            var supervisor = await db.QueryAsync("SELECT id FROM people WHERE role = 'Supervisor' ORDER BY id", [], r => r.GetInt32(0));
            office = new CurrentUser(supervisor[0], "bench", Role.Supervisor, null);
            Console.WriteLine($"{units.Sum(u => u.Count):N0} applications in {units.Count} units (counted in {watch.Elapsed.TotalSeconds:F1} s); busiest unit {units[0].Unit} with {units[0].Count:N0}, smallest {units[^1].Unit} with {units[^1].Count:N0}");
        }

        if (Environment.GetEnvironmentVariable("FT_BENCH_SQL") == "1")
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            Console.WriteLine(ApplicationQueue.WithDueDate(db, units[0].Unit, null).ToQueryString());
        }

        Console.WriteLine("| what | unit (applications) | rows | p50 | p95 | max | mean | CPU per call |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (unit, count) in new[] { units[0], units[^1] })
        {
            foreach (var state in new ApplicationState?[] { null, ApplicationState.Received, ApplicationState.Accepted, ApplicationState.Delivered })
            {
                await TimeAsync(provider, calls, $"queue, {state?.ToString() ?? "open"}", $"{unit} ({count:N0})", async sp =>
                {
                    var outcome = await sp.GetRequiredService<ServiceApplications>().QueueAsync(office, unit, state);
                    return outcome.Value!.Count;
                });
            }
        }

        foreach (var month in new[] { "2026-11", "2024-06" })
        {
            await TimeAsync(provider, calls, $"figures, {month}", "all", async sp =>
            {
                var outcome = await sp.GetRequiredService<ServiceFigures>().MonthAsync(office, month);
                return outcome.Value!.Units.Count;
            });
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    internal static async Task TimeAsync(ServiceProvider provider, int calls, string what, string unit, Func<IServiceProvider, Task<int>> call)
    {
        var rows = 0;
        for (var i = 0; i < 3; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            rows = await call(scope.ServiceProvider);
        }

        var times = new List<double>(calls);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < calls; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await call(scope.ServiceProvider);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {unit} | {rows} | {At(0.5):F1} ms | {At(0.95):F1} ms | {times[^1]:F1} ms | {times.Average():F1} ms | {cpu.TotalMilliseconds / calls:F1} ms |"));
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
