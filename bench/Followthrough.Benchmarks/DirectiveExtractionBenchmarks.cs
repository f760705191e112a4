using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Followthrough.Calendar;
using Followthrough.Demo;
using Followthrough.Directives.Extraction;

namespace Followthrough.Benchmarks;

/// <summary>
/// Directive extraction on realistic text: the labelled sample documents of the test suite (meeting records, work
/// reports, speeches, inspection feedback; labels removed) repeated to 1, 4 and 16 MB of UTF-8, English and Chinese
/// separately. One operation extracts the whole text (language detection, segmentation, detection, actors,
/// deadlines, figures, topics). The MB/s and ms-per-MB columns show throughput and that cost grows linearly.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- --filter '*DirectiveExtraction*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class DirectiveExtractionBenchmarks
{
    private DirectiveExtractor _extractor = null!;
    private string _text = null!;

    [Params("en", "zh")]
    public string Language { get; set; } = "en";

    [Params(1, 4, 16)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var calendar = CalendarSnapshot.Embedded.For(null);
        _extractor = new DirectiveExtractor(DemoActors.Registry, (from, days) => calendar.AddWorkingDays(from, days).Date);
        _text = SampleText.Build(Language, Megabytes);
    }

    [Benchmark]
    public int Extract() => _extractor.Extract(_text, new DateOnly(2021, 4, 21)).Directives.Count;

    /// <summary>
    /// One launch; 6 to 15 warm-up iterations (until tiered compilation has settled); 10 measured iterations of about
    /// a second each, so that small texts average several extractions (the shared machine is noisy); plus the
    /// throughput columns.
    /// </summary>
    public sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithMinWarmupCount(6).WithMaxWarmupCount(15).WithIterationCount(10)
                .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(1000)));
            AddColumn(new ThroughputColumn(perSecond: true), new ThroughputColumn(perSecond: false));
        }
    }

    /// <summary>MB/s (2^20 bytes of UTF-8 per second) or milliseconds per MB, from the mean time.</summary>
    private sealed class ThroughputColumn(bool perSecond) : IColumn
    {
        public string Id => perSecond ? "MBps" : "msPerMB";

        public string ColumnName => perSecond ? "MB/s" : "ms per MB";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => perSecond ? 0 : 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => perSecond ? "Megabytes (2^20 bytes of UTF-8) extracted per second" : "Mean milliseconds per megabyte";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (mean is not { } nanoseconds || benchmarkCase.Parameters["Megabytes"] is not int megabytes)
            {
                return "NA";
            }

            var seconds = nanoseconds / 1e9;
            return perSecond
                ? (megabytes / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)
                : (seconds * 1000 / megabytes).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

/// <summary>The test suite's labelled samples, labels and headers removed, repeated to an exact size in UTF-8.</summary>
internal static class SampleText
{
    public static string Build(string language, int megabytes)
    {
        var documents = Documents(language);
        var limit = megabytes * 1024 * 1024;
        var text = new StringBuilder();
        var bytes = 0;
        while (bytes < limit)
        {
            foreach (var document in documents)
            {
                text.Append(document).Append("\n\n");
                bytes += Encoding.UTF8.GetByteCount(document) + 2;
            }
        }

        // Cut to exactly the size asked for (at a character, so the UTF-8 stays whole).
        while (bytes > limit)
        {
            var last = text[^1];
            bytes -= Encoding.UTF8.GetByteCount([last]);
            text.Length--;
        }

        return text.ToString();
    }

    private static List<string> Documents(string language)
    {
        var folder = Path.Combine(Root(), "tests", "Followthrough.Tests", "Directives", "Samples", language);
        return [.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(f => Strip(File.ReadAllText(f)))];
    }

    private static string Strip(string raw)
    {
        var lines = raw.Split('\n');
        var body = string.Join('\n', lines.SkipWhile(l => l.StartsWith('#')));
        return body.Replace("[D]", string.Empty, StringComparison.Ordinal).Replace("[N]", string.Empty, StringComparison.Ordinal).Trim();
    }

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Followthrough.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Followthrough.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
