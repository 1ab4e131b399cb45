using BenchmarkDotNet.Attributes;
using ClassicalML.Evaluation;

namespace ClassicalML.Benchmarks;

/// <summary>
/// The percentile bootstrap of ROC AUC (1000 resamples of 100,000 rows, heavy ties) on the fast path (<c>Roc.Auc</c> passed
/// as a method group: one sort, each resample from its row multiplicities, both cores) against the general path a lambda
/// takes (every resample materialised and sorted by <c>Roc.Auc</c>), the baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BootstrapBenchmarks
{
    private bool[] _labels = [];
    private double[] _scores = [];
    private double[] _scoresB = [];

    /// <summary>Number of rows.</summary>
    [Params(100_000)]
    public int N { get; set; }

    /// <summary>Number of resamples.</summary>
    [Params(1000)]
    public int Resamples { get; set; }

    /// <summary>Generates the data once (seed 42; a second model from seed 43).</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_labels, _scores) = RankingData.Generate(N, seed: 42);
        _scoresB = [.. RankingData.Generate(N, seed: 43).Scores.Zip(_scores, (b, a) => Math.Round((a + b) / 2, 4))];
    }

    /// <summary>The general path: <c>(l, s) =&gt; Roc.Auc(l, s)</c> is not recognised, so every resample is gathered and ranked.</summary>
    [Benchmark(Baseline = true)]
    public double RocAucMaterialised() => Bootstrap.Percentile(_labels, _scores, (l, s) => Roc.Auc(l, s), seed: 1, Resamples).Lower;

    /// <summary>The fast path.</summary>
    [Benchmark]
    public double RocAuc() => Bootstrap.Percentile(_labels, _scores, Roc.Auc, seed: 1, Resamples).Lower;

    /// <summary>The fast path, stratified.</summary>
    [Benchmark]
    public double RocAucStratified() => Bootstrap.Percentile(_labels, _scores, Roc.Auc, seed: 1, Resamples, stratified: true).Lower;

    /// <summary>Average precision on the fast path.</summary>
    [Benchmark]
    public double AveragePrecision() => Bootstrap.Percentile(_labels, _scores, PrecisionRecall.AveragePrecision, seed: 1, Resamples).Lower;

    /// <summary>The paired difference of two models' AUC on the fast path.</summary>
    [Benchmark]
    public double PairedRocAuc() => Bootstrap.PairedDifference(_labels, _scores, _scoresB, Roc.Auc, seed: 1, Resamples).Lower;
}
