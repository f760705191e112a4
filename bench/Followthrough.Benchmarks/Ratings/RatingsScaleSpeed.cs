using System.Globalization;
using System.Runtime.InteropServices;
using Followthrough.Hosting;
using Followthrough.Ratings.Figures;
using Followthrough.Ratings.Publication;
using Followthrough.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Benchmarks.Services.ServicesScaleSpeed;

namespace Followthrough.Benchmarks.Ratings;

/// <summary>
/// Issue 16's targets at scale, on a database made by <c>bench/load/ratings-10m.sh</c> (10,000,000 ratings): a month's
/// figures (what GET /api/v1/ratings/figures, the figures page and <c>ratings stats --month</c> run:
/// <see cref="RatingFigures.MonthAsync"/>) under 1 s, for the whole city and for one unit; and reading a published
/// month (what the public page <c>/public/ratings</c> runs: <see cref="RatingPublications.GetAsync"/>). The month is
/// published first if it is not. Each call in its own scope, as the supervision office.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- ratings-scale DATABASE [calls]
/// </summary>
internal static class RatingsScaleSpeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = DatabaseSettings.Parse(args[1]);
        var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFollowthroughCore(settings);
        await using var provider = services.BuildServiceProvider();

        CurrentUser office;
        int unit;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            var total = await db.QueryAsync("SELECT COUNT(*) FROM service_ratings", [], r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
            var busiest = await db.QueryAsync(
                "SELECT unit_id, COUNT(*) FROM service_ratings WHERE rated_month = '2026-10' GROUP BY unit_id ORDER BY 2 DESC", [],
                r => (r.GetInt32(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)));
            var supervisor = await db.QueryAsync("SELECT id FROM people WHERE role = 'Supervisor' ORDER BY id", [], r => r.GetInt32(0));
            office = new CurrentUser(supervisor[0], "bench", Role.Supervisor, null);
            unit = busiest[0].Item1;
            Console.WriteLine($"{total[0]:N0} ratings; 2026-10 has {busiest.Sum(b => b.Item2):N0} in {busiest.Count} units, the busiest ({unit}) {busiest[0].Item2:N0}");
            var publications = scope.ServiceProvider.GetRequiredService<RatingPublications>();
            if (await publications.GetAsync("2026-10") is null)
            {
                Console.WriteLine($"published 2026-10: {(await publications.PublishAsync(office, "2026-10")).Kind}");
            }
        }

        Console.WriteLine("| what | scope | rows | p50 | p95 | max | mean | CPU per call |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var month in new[] { "2026-10", "2024-06" })
        {
            await TimeAsync(provider, calls, $"figures, {month}", "all units", async sp =>
                (await sp.GetRequiredService<RatingFigures>().MonthAsync(office, month)).Value!.Items.Count);
            await TimeAsync(provider, calls, $"figures, {month}", $"unit {unit}", async sp =>
                (await sp.GetRequiredService<RatingFigures>().MonthAsync(office, month, unit)).Value!.Items.Count);
        }

        await TimeAsync(provider, calls * 10, "published month, 2026-10", "public", async sp =>
            (await sp.GetRequiredService<RatingPublications>().GetAsync("2026-10"))!.Figures.Items.Count);
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }
}
