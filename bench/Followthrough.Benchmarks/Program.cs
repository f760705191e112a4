using BenchmarkDotNet.Running;
using Followthrough.Calendar;

// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- --filter '*'
// Calendar table memory (no BenchmarkDotNet): dotnet run -c Release --project bench/Followthrough.Benchmarks -- --calendar-memory
if (args is ["--calendar-memory"])
{
    var schedules = EmbeddedHolidays.Schedules; // the embedded files are parsed once per process; not part of the tables
    var before = GC.GetAllocatedBytesForCurrentThread();
    var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
    var calendar = new WorkingCalendar(schedules);
    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
    Console.WriteLine($"Years {schedules[0].Year}-{schedules[^1].Year} ({schedules.Sum(s => s.Days.Count)} listed days), tables {WorkingCalendar.MinDate:yyyy-MM-dd}..{WorkingCalendar.MaxDate:yyyy-MM-dd}");
    Console.WriteLine($"Lookup arrays (TableBytes): {calendar.TableBytes:N0} bytes");
    Console.WriteLine($"Retained after construction (GC.GetTotalMemory): {retained:N0} bytes");
    Console.WriteLine($"Allocated during construction (GC.GetAllocatedBytesForCurrentThread, incl. temporaries): {allocated:N0} bytes");
    GC.KeepAlive(calendar);
    return 0;
}

// Plans speed targets (stopwatch, fresh databases): dotnet run -c Release --project bench/Followthrough.Benchmarks -- plans
if (args.Length > 0 && args[0] == "plans")
{
    return await Followthrough.Benchmarks.Plans.PlansSpeed.RunAsync(args);
}

// The daily supervision run over a million tasks (stopwatch): dotnet run -c Release --project bench/Followthrough.Benchmarks -- supervision
if (args is ["supervision"])
{
    return await Followthrough.Benchmarks.SupervisionRunSpeed.RunAsync(Console.Out);
}

// Directive extraction per CPU-second (no BenchmarkDotNet): dotnet run -c Release --project bench/Followthrough.Benchmarks -- --extraction-cpu
if (args is ["--extraction-cpu"])
{
    Followthrough.Benchmarks.ExtractionCpuTime.Run(Console.Out);
    return 0;
}

// Hostile files of issue 14, one per process (stopwatch, allocation, peak working set):
// dotnet run -c Release --project bench/Followthrough.Benchmarks -- hostile-files [NAME]
if (args.Length > 0 && args[0] == "hostile-files")
{
    return Followthrough.Benchmarks.HostileFilesBench.Run(args, Console.Out);
}

// Issue 15: catalogue search over 5,000 items (stopwatch, p50/p95/p99):
// dotnet run -c Release --project bench/Followthrough.Benchmarks -- catalogue-search sqlite|postgres [server] [searches]
if (args.Length > 0 && args[0] == "catalogue-search")
{
    return await Followthrough.Benchmarks.Services.CatalogueSearchSpeed.RunAsync(args);
}

// Issue 15 at 10M applications (stopwatch): a unit's queue and the monthly figures, on a database of bench/load/services-10m.sh:
// dotnet run -c Release --project bench/Followthrough.Benchmarks -- services-scale DATABASE [calls]
if (args.Length > 1 && args[0] == "services-scale")
{
    return await Followthrough.Benchmarks.Services.ServicesScaleSpeed.RunAsync(args);
}

// dotnet run -c Release --project bench/Followthrough.Benchmarks -- ratings-scale DATABASE [calls]
if (args.Length > 1 && args[0] == "ratings-scale")
{
    return await Followthrough.Benchmarks.Ratings.RatingsScaleSpeed.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
