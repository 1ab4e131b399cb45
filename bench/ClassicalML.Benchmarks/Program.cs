using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ClassicalML.Benchmarks;

// dotnet run -c Release --project bench/ClassicalML.Benchmarks                        full BenchmarkDotNet run
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --short            3 warm-ups, 10 iterations (2 shared cores)
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --side-by-side FILE [REPEATS]
if (args.Length >= 2 && args[0] == "--side-by-side")
{
    int repeats = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    return SideBySide.Run(args[1], repeats, Console.Out);
}

bool quick = args.Contains("--short");
IConfig config = DefaultConfig.Instance;
if (quick)
{
    config = config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short"));
}

string[] rest = [.. args.Where(a => a != "--short")];
BenchmarkSwitcher.FromAssembly(typeof(RankingBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
return 0;
