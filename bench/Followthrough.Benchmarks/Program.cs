using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- --filter '*'
// Plans speed targets (stopwatch, fresh databases): dotnet run -c Release --project bench/Followthrough.Benchmarks -- plans
if (args.Length > 0 && args[0] == "plans")
{
    return await Followthrough.Benchmarks.Plans.PlansSpeed.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
