using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ClassicalML.Benchmarks;

// dotnet run -c Release --project bench/ClassicalML.Benchmarks                        full BenchmarkDotNet run
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --short            3 warm-ups, 10 iterations (2 shared cores)
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --short --in-process   the same, in this process
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --side-by-side FILE [REPEATS]
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --side-by-side-bootstrap FILE [RESAMPLES] [REPEATS]   bootstrap of ROC AUC, one JSON line
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --side-by-side-multiclass FILE [REPEATS]   OvR ROC AUC, one JSON line
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --parse FILE [REPEATS]       CSV read throughput, one JSON line
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --csv-to-parquet CSV PARQUET  label,score CSV to Parquet (Parquet.Net)
// dotnet run -c Release --project bench/ClassicalML.Benchmarks -- --csv-to-arrow CSV ARROW      label,score CSV to Arrow IPC / Feather v2 (Apache.Arrow, LZ4)
if (args.Length >= 2 && args[0] == "--side-by-side")
{
    int repeats = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    return SideBySide.Run(args[1], repeats, Console.Out);
}

if (args.Length >= 2 && args[0] == "--side-by-side-bootstrap")
{
    int resamples = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
    int repeats = args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
    return BootstrapSideBySide.Run(args[1], resamples, repeats, Console.Out);
}

if (args.Length >= 2 && args[0] == "--side-by-side-multiclass")
{
    int repeats = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    return SideBySide.RunMulticlass(args[1], repeats, Console.Out);
}

if (args.Length >= 2 && args[0] == "--parse")
{
    int repeats = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    return SideBySide.Parse(args[1], repeats, Console.Out);
}

if (args.Length >= 3 && args[0] == "--csv-to-parquet")
{
    return ParquetFile.FromCsv(args[1], args[2]).GetAwaiter().GetResult();
}

if (args.Length >= 3 && args[0] == "--csv-to-arrow")
{
    return ArrowFile.FromCsv(args[1], args[2]);
}

bool quick = args.Contains("--short");
bool inProcess = args.Contains("--in-process");
// The generated boilerplate project's build takes minutes when the shared machine is loaded (the default timeout is 2).
IConfig config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
if (quick)
{
    // --in-process: run in this process (no generated project to build, which can time out on the shared machine).
    Job job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short");
    config = config.AddJob(inProcess ? job.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance) : job);
}

string[] rest = [.. args.Where(a => a is not "--short" and not "--in-process")];
BenchmarkSwitcher.FromAssembly(typeof(RankingBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
return 0;
