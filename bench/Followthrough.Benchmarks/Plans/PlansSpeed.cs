using Followthrough.Hosting;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Demo;
using Followthrough.Organization;
using Followthrough.Plans;
using Followthrough.Plans.Files;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Followthrough.Benchmarks.Plans;

/// <summary>
/// The plans speed targets, measured with a stopwatch because each import needs a fresh database (BenchmarkDotNet's
/// per-invocation setup would dominate a multi-second run): importing an Excel file of 10,000 items and 100,000 values
/// on SQLite, and the plan tree page for that plan, timed at the server.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- plans [runs]
/// </summary>
internal static class PlansSpeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}");
        var build = Stopwatch.StartNew();
        var tables = LargePlanFile.Tables("BENCH-10K");
        using var file = new MemoryStream();
        await PlanExporter.WriteAsync(tables, PlanFileFormat.Xlsx, file);
        var content = file.ToArray();
        Console.WriteLine($"Workbook: {tables[1].Rows.Count - 1:N0} items, {tables[2].Rows.Count - 1:N0} indicators, {tables[3].Rows.Count - 1:N0} values; {content.Length / 1024.0 / 1024.0:F1} MB (built in {build.ElapsedMilliseconds} ms)");

        var imports = new List<double>();
        string? keep = null;
        for (var run = 1; run <= runs; run++)
        {
            var folder = Directory.CreateTempSubdirectory("ft-bench-").FullName;
            var settings = DatabaseSettings.Parse(Path.Combine(folder, "bench.db"));
            await using var services = Services(settings);
            await services.GetRequiredService<MigrationRunner>().MigrateAsync();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync();
            }

            await using (var scope = services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "bench");
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var outcome = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(content, "large.xlsx", new ImportOptions());
                watch.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                if (!outcome.Succeeded)
                {
                    Console.Error.WriteLine(string.Join(Environment.NewLine, outcome.Problems.Take(10)));
                    return 1;
                }

                imports.Add(watch.Elapsed.TotalMilliseconds);
                Console.WriteLine($"Import run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {cpu.TotalMilliseconds:F0} ms CPU ({outcome.Summary!.ItemsCreated:N0} items, {outcome.Summary.IndicatorsCreated:N0} indicators, {outcome.Summary.ValuesRecorded:N0} values)");
            }

            if (run == runs)
            {
                await using var scope = services.CreateAsyncScope();
                var again = Stopwatch.StartNew();
                scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "bench");
                var reimport = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(content, "large.xlsx", new ImportOptions());
                Console.WriteLine($"Re-import of the same file: {again.ElapsedMilliseconds} ms, applied: {reimport.Summary?.Applied}");
                var verify = Stopwatch.StartNew();
                var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
                Console.WriteLine($"Audit chain: {verification.EntriesChecked:N0} entries, intact: {verification.Intact} ({verify.ElapsedMilliseconds} ms)");
                keep = folder;
            }
            else
            {
                SqliteClear();
                Directory.Delete(folder, recursive: true);
            }
        }

        imports.Sort();
        Console.WriteLine($"Load average after the imports: {LoadAverage()}");
        Console.WriteLine($"Import median: {imports[imports.Count / 2]:F0} ms (min {imports[0]:F0}, max {imports[^1]:F0}) over {runs} runs");
        await TreePageAsync(keep!);
        SqliteClear();
        Directory.Delete(keep!, recursive: true);
        return 0;
    }

    /// <summary>Starts the real web app on the imported database and times the plan tree page at the server.</summary>
    private static async Task TreePageAsync(string folder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseSetting("Followthrough:Database", Path.Combine(folder, "bench.db"));
        builder.WebHost.UseSetting("Followthrough:DataFolder", folder);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddFollowthrough();
        // The pages are compiled into the Followthrough assembly; a console host does not discover them by itself.
        builder.Services.AddRazorPages().AddApplicationPart(typeof(Plan).Assembly);
        await using var app = builder.Build();
        var serverTimes = new List<double>();
        app.Use(async (context, next) =>
        {
            var watch = Stopwatch.StartNew();
            await next(context);
            if (context.Request.Path.StartsWithSegments("/plans", StringComparison.Ordinal))
            {
                serverTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        });
        app.UseFollowthrough();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        int planId;
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            planId = await db.Set<Plan>().Where(p => p.Code == "BENCH-10K").Select(p => p.Id).SingleAsync();
            var supervisor = await db.Set<Person>().Where(p => p.Role == Role.Supervisor).Select(p => p.Id).FirstAsync();
            token = (await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(supervisor, "bench", null)).Secret;
        }

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var html = 0L;
        for (var i = 0; i < 5; i++)
        {
            var warm = await client.GetAsync($"/plans/{planId}");
            html = (await warm.Content.ReadAsByteArrayAsync()).LongLength;
            if (warm.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The tree page answered {warm.StatusCode}.");
            }
        }

        serverTimes.Clear();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.GetAsync($"/plans/{planId}");
            await response.Content.ReadAsByteArrayAsync();
        }

        processor = Process.GetCurrentProcess().TotalProcessorTime - processor;

        serverTimes.Sort();
        Console.WriteLine($"Tree page, nothing changed since the last view (/plans/{planId}, {html / 1024.0 / 1024.0:F1} MB of HTML, all 10,000 items): server time median {serverTimes[serverTimes.Count / 2]:F1} ms, p90 {serverTimes[(int)(serverTimes.Count * 0.9)]:F1} ms, min {serverTimes[0]:F1} ms over {serverTimes.Count} requests; {processor.TotalMilliseconds / serverTimes.Count:F0} ms CPU per request (server and client together)");

        // The first view after a change reads the plan again: rename the plan before each request.
        serverTimes.Clear();
        for (var i = 0; i < 15; i++)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
                scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "bench");
                var plan = await db.Set<Plan>().SingleAsync(p => p.Id == planId);
                plan.NameEn = $"Large test plan ({i})";
                await db.SaveChangesAsync();
            }

            using var response = await client.GetAsync($"/plans/{planId}");
            await response.Content.ReadAsByteArrayAsync();
        }

        serverTimes.Sort();
        Console.WriteLine($"Tree page, first view after a change: server time median {serverTimes[serverTimes.Count / 2]:F1} ms, p90 {serverTimes[(int)(serverTimes.Count * 0.9)]:F1} ms, min {serverTimes[0]:F1} ms over {serverTimes.Count} requests");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Without the cache: reading the plan and computing every status and roll-up.
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            var board = new PlanOverview(db, new Followthrough.Organization.OrganizationDirectory(db), new Followthrough.Audit.AuditTrail(db), [], cache: null);
            var times = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var watch = Stopwatch.StartNew();
                await board.LoadAsync(planId);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"  reading the plan and computing statuses and roll-ups (PlanOverview, no cache): median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms");
        }

        await app.StopAsync();
    }

    private static ServiceProvider Services(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(settings);
        services.AddFollowthroughDemo();
        return services.BuildServiceProvider();
    }

    /// <summary>The machine is shared: the load average says how far wall-clock numbers can be trusted.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void SqliteClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
