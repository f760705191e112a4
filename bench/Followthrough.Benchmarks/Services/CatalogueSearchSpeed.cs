using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Followthrough.Demo;
using Followthrough.Hosting;
using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Followthrough.Benchmarks.Services;

/// <summary>
/// Issue 15's target: catalogue search over 5,000 items, p99 under 20 ms at the server. A fresh database (the demo,
/// then generated items through <see cref="ServiceCatalogue.CreateAsync"/> up to 5,000), then a timed loop of searches
/// as the API and the public page make them: each in its own scope (a request's DbContext), first page of 25, through
/// <see cref="ServiceCatalogue.SearchAsync"/>. Queries rotate over Chinese of two characters (the LIKE path), Chinese of
/// three or more (trigram), English words, codes, and each of these with a unit or level filter.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- catalogue-search sqlite|postgres [connection] [searches]
/// (postgres: a server connection string without a database; the bench creates ft_search_bench and drops it after).
/// </summary>
internal static class CatalogueSearchSpeed
{
    private const int Items = 5000;
    private const int PageSize = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.Length > 1 && args[1] == "postgres";
        var server = args.Length > 2 ? args[2] : "Host=127.0.0.1;Port=55432;Username=postgres";
        var searches = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}");
        string? folder = null;
        DatabaseSettings settings;
        if (postgres)
        {
            await AdminAsync(server, "DROP DATABASE IF EXISTS ft_search_bench", "CREATE DATABASE ft_search_bench");
            settings = DatabaseSettings.Parse(server + ";Database=ft_search_bench");
        }
        else
        {
            folder = Directory.CreateTempSubdirectory("ft-bench-search-").FullName;
            settings = DatabaseSettings.Parse(Path.Combine(folder, "bench.db"));
        }

        try
        {
            await using var services = Services(settings);
            await services.GetRequiredService<MigrationRunner>().MigrateAsync();
            var units = await FillAsync(services);
            await MeasureAsync(services, units, searches);
            return 0;
        }
        finally
        {
            if (postgres)
            {
                NpgsqlConnection.ClearAllPools();
                if (Environment.GetEnvironmentVariable("FT_BENCH_KEEP") != "1")
                {
                    await AdminAsync(server, "DROP DATABASE IF EXISTS ft_search_bench");
                }
            }
            else
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder!, recursive: true);
            }
        }
    }

    /// <summary>The demo (units, people, its forty items), then generated items through the catalogue's rules up to 5,000.</summary>
    private static async Task<Dictionary<string, int>> FillAsync(ServiceProvider services)
    {
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync();
        }

        Dictionary<string, int> units;
        int existing;
        await using (var scope = services.CreateAsyncScope())
        {
            units = (await scope.ServiceProvider.GetRequiredService<OrganizationDirectory>().UnitsAsync(activeOnly: true))
                .ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
            existing = (await scope.ServiceProvider.GetRequiredService<ServiceCatalogue>().AllAsync()).Count;
        }

        var inputs = CatalogueItemsGenerator.Items(Items - existing, units).Chunk(250);
        foreach (var chunk in inputs)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "bench");
            var catalogue = scope.ServiceProvider.GetRequiredService<ServiceCatalogue>();
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            foreach (var input in chunk)
            {
                var created = await catalogue.CreateAsync(input);
                if (!created.IsDone)
                {
                    throw new InvalidOperationException($"{input.Code} was refused: {string.Join("; ", created.Errors?.ToDictionary().SelectMany(e => e.Value) ?? [])}");
                }

                db.ChangeTracker.Clear();
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            if (db.Database.IsNpgsql())
            {
                await db.ExecuteAsync("ANALYZE service_items", []);
            }

            var count = (await scope.ServiceProvider.GetRequiredService<ServiceCatalogue>().AllAsync()).Count;
            Console.WriteLine($"Catalogue: {count:N0} items ({existing} from the demo), filled in {watch.Elapsed.TotalSeconds:F1} s on {settings(db)}");
        }

        return units;

        static string settings(FollowthroughDb db) => db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
    }

    private static async Task MeasureAsync(ServiceProvider services, Dictionary<string, int> units, int searches)
    {
        var msa = units["DL-MSA"];
        var hrs = units["DL-HRS"];
        var queries = new (string Group, CatalogueFilter Filter)[]
        {
            ("Chinese, 2 characters (LIKE)", new("登记")),
            ("Chinese, 2 characters (LIKE)", new("许可")),
            ("Chinese, 2 characters (LIKE)", new("食品")),
            ("Chinese, 2 characters (LIKE)", new("船员")),
            ("Chinese, 3+ characters (trigram)", new("中山区")),
            ("Chinese, 3+ characters (trigram)", new("食品经营许可")),
            ("Chinese, 3+ characters (trigram)", new("变更登记")),
            ("Chinese, 3+ characters (trigram)", new("建设工程规划")),
            ("English words", new("licence")),
            ("English words", new("food business")),
            ("English words", new("registration")),
            ("English words", new("Lushunkou District")),
            ("Codes", new(CatalogueItemsGenerator.Code("DL-MSA", 1123))),
            ("Codes", new("dl-hrs-10")),
            ("Codes", new("DL-FTZ")),
            ("Codes", new("DL-DRC-001")),
            ("Search and a filter", new("登记", UnitId: msa)),
            ("Search and a filter", new("许可", Level: DeliveryLevel.Online)),
            ("Search and a filter", new("社会保险", UnitId: hrs, Level: DeliveryLevel.OnThePalm)),
            ("Search and a filter", new("registration", UnitId: msa)),
            ("Search and a filter", new("dl-msa", Level: DeliveryLevel.AtMostOnce)),
            ("Filters only", new(UnitId: msa)),
            ("Filters only", new(Level: DeliveryLevel.RunImmediately)),
            ("Filters only", new(UnitId: hrs, Level: DeliveryLevel.Online, LifeEvent: "失业")),
            ("Filters only", new()),
        };

        await using (var scope = services.CreateAsyncScope())
        {
            var catalogue = scope.ServiceProvider.GetRequiredService<ServiceCatalogue>();
            foreach (var (group, filter) in queries)
            {
                var page = await catalogue.SearchAsync(filter, new PageRequest(1, PageSize));
                Console.WriteLine($"  {group,-34} {Describe(filter, units),-48} {page.Total,5:N0} found");
            }
        }

        for (var i = 0; i < 250; i++)
        {
            await SearchAsync(services, queries[i % queries.Length].Filter); // warm-up: JIT, pools, caches
        }

        var times = queries.Select(q => q.Group).Distinct().ToDictionary(g => g, _ => new List<double>(), StringComparer.Ordinal);
        var all = new List<double>(searches);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var load = LoadAverage();
        for (var i = 0; i < searches; i++)
        {
            var (group, filter) = queries[i % queries.Length];
            var watch = Stopwatch.StartNew();
            await SearchAsync(services, filter);
            var ms = watch.Elapsed.TotalMilliseconds;
            times[group].Add(ms);
            all.Add(ms);
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{searches:N0} searches, first page of {PageSize}, each in its own scope; load average {load} before, {LoadAverage()} after; {cpu.TotalMilliseconds / searches:F2} ms CPU (this process) per search");
        foreach (var (group, list) in times)
        {
            Console.WriteLine($"  {group,-34} {Percentiles(list)}");
        }

        Console.WriteLine($"  {"all",-34} {Percentiles(all)}");
    }

    private static async Task SearchAsync(ServiceProvider services, CatalogueFilter filter)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ServiceCatalogue>().SearchAsync(filter, new PageRequest(1, PageSize));
    }

    private static string Percentiles(List<double> times)
    {
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"n={times.Count,5}  p50 {At(0.50),6:F2} ms  p95 {At(0.95),6:F2} ms  p99 {At(0.99),6:F2} ms  max {times[^1],7:F2} ms");
    }

    private static string Describe(CatalogueFilter f, Dictionary<string, int> units) =>
        string.Join(", ", new[]
        {
            f.Search is null ? null : $"\"{f.Search}\"",
            f.UnitId is { } u ? "unit " + units.First(x => x.Value == u).Key : null,
            f.Level is { } l ? "level " + l : null,
            f.LifeEvent is { } e ? "life event " + e : null,
        }.Where(s => s is not null).DefaultIfEmpty("(everything)"));

    private static async Task AdminAsync(string server, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(server + ";Database=postgres;Pooling=false");
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static ServiceProvider Services(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(settings);
        services.AddFollowthroughDemo();
        return services.BuildServiceProvider();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
