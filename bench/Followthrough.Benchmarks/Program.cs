using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Followthrough.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
