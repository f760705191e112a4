using System.Diagnostics;
using System.Globalization;
using Followthrough.Calendar;
using Followthrough.Demo;
using Followthrough.Directives.Extraction;

namespace Followthrough.Benchmarks;

/// <summary>
/// Extraction throughput per CPU-second, for a machine shared with other work: wall-clock time there includes the
/// time other processes held the core, CPU time only the time this process ran. The project turns off concurrent
/// GC (see the csproj), so all work is on one thread and the process's CPU time is the cost on one core. Median of
/// 7 runs after 6 warm-ups, on the same texts as <see cref="DirectiveExtractionBenchmarks"/>.
/// </summary>
internal static class ExtractionCpuTime
{
    public static void Run(TextWriter output)
    {
        var calendar = CalendarSnapshot.Embedded.For(null);
        var extractor = new DirectiveExtractor(DemoActors.Registry, (from, days) => calendar.AddWorkingDays(from, days).Date);
        var date = new DateOnly(2021, 4, 21);
        output.WriteLine("| language | MB | median wall ms | median CPU ms | MB per CPU-second | CPU ms per MB | directives |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var language in new[] { "en", "zh" })
        {
            foreach (var megabytes in new[] { 1, 4, 16 })
            {
                var text = SampleText.Build(language, megabytes);
                var count = 0;
                // Enough runs for tiered compilation to promote the hot methods, then time for its background thread.
                for (var warmup = 0; warmup < 6; warmup++)
                {
                    count = extractor.Extract(text, date).Directives.Count;
                }

                Thread.Sleep(500);

                var walls = new List<double>();
                var cpus = new List<double>();
                for (var run = 0; run < 7; run++)
                {
                    GC.Collect();
                    var process = Process.GetCurrentProcess();
                    var cpu = process.TotalProcessorTime;
                    var wall = Stopwatch.StartNew();
                    count = extractor.Extract(text, date).Directives.Count;
                    walls.Add(wall.Elapsed.TotalMilliseconds);
                    process.Refresh();
                    cpus.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
                }

                var wallMs = Median(walls);
                var cpuMs = Median(cpus);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {language} | {megabytes} | {wallMs:F0} | {cpuMs:F0} | {megabytes / (cpuMs / 1000):F1} | {cpuMs / megabytes:F1} | {count:N0} |"));
            }
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
