using BenchmarkDotNet.Attributes;
using Followthrough.Calendar;

namespace Followthrough.Benchmarks;

/// <summary>
/// Deadlines: the engine's constant-time AddWorkingDays against the obvious loop that steps one day at a time
/// (asking the same calendar whether each day is a working day). Starts are spread over 2007–2026; N is the count
/// of working days, e.g. 20 for a licensing decision.
/// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- --filter '*Calendar*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CalendarBenchmarks
{
    private const int Operations = 4096;

    private readonly DateOnly[] _starts = new DateOnly[Operations];
    private WorkingCalendar _calendar = null!;

    [Params(5, 20, 60)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _calendar = new WorkingCalendar(EmbeddedHolidays.Schedules);
        var random = new Random(20250126);
        var first = new DateOnly(2007, 1, 1).DayNumber;
        var last = new DateOnly(2026, 10, 1).DayNumber;
        for (var i = 0; i < Operations; i++)
        {
            _starts[i] = DateOnly.FromDayNumber(random.Next(first, last));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public int DayByDayLoop()
    {
        var sum = 0;
        foreach (var start in _starts)
        {
            var date = start;
            for (var counted = 0; counted < N;)
            {
                date = date.AddDays(1);
                if (_calendar.IsWorkingDay(date))
                {
                    counted++;
                }
            }

            sum += date.DayNumber;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int Engine()
    {
        var sum = 0;
        foreach (var start in _starts)
        {
            sum += _calendar.AddWorkingDays(start, N).Date.DayNumber;
        }

        return sum;
    }
}

/// <summary>What building the tables costs: time, and (with the memory diagnoser) bytes allocated per build.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CalendarBuildBenchmarks
{
    [GlobalSetup]
    public void Setup() => _ = EmbeddedHolidays.Schedules; // parse the embedded files once, outside the measurement

    [Benchmark]
    public WorkingCalendar Build() => new(EmbeddedHolidays.Schedules);
}
