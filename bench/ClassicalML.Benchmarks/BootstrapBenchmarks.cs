using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ClassicalML.Evaluation;

namespace ClassicalML.Benchmarks;

/// <summary>
/// The percentile bootstrap of ROC AUC (1000 resamples of 100,000 rows, heavy ties) on the fast path (<c>Roc.Auc</c> passed
/// as a method group: one sort, each resample from its row multiplicities, both cores) against the general path a lambda
/// takes (every resample materialised and sorted by <c>Roc.Auc</c>), the baseline; and log loss on its fast path
/// (<c>BinaryEvaluation.LogLoss</c> as a method group) against the general path, gathered resamples, in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BootstrapBenchmarks
{
    private bool[] _labels = [];
    private double[] _scores = [];
    private double[] _scoresB = [];
    private int[][] _resampleRows = [];
    private BinaryResampleEvaluator? _evaluator;

    /// <summary>Number of rows.</summary>
    [Params(100_000)]
    public int N { get; set; }

    /// <summary>Number of resamples whose reports <see cref="ReportMaterialised"/> and <see cref="ReportFromRows"/> compute.</summary>
    private const int ReportResamples = 50;

    /// <summary>Number of resamples.</summary>
    [Params(1000)]
    public int Resamples { get; set; }

    /// <summary>Generates the data once (seed 42; a second model from seed 43); the scores are probabilities, as log loss needs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_labels, _scores) = RankingData.Generate(N, seed: 42);
        _scoresB = [.. RankingData.Generate(N, seed: 43).Scores.Zip(_scores, (b, a) => Math.Round((a + b) / 2, 4))];
        var random = new MathNet.Numerics.Random.MersenneTwister(7, threadSafe: false);
        _resampleRows = [.. Enumerable.Range(0, ReportResamples).Select(_ => Enumerable.Range(0, N).Select(_ => random.Next(N)).ToArray())];
        _evaluator = new BinaryResampleEvaluator(_labels, _scores, zeroDivision: ZeroDivision.NaN);
    }

    /// <summary>The general path: <c>(l, s) =&gt; Roc.Auc(l, s)</c> is not recognised, so every resample is gathered and ranked.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("RankingMetric")]
    public double RocAucMaterialised() => Bootstrap.Percentile(_labels, _scores, (l, s) => Roc.Auc(l, s), seed: 1, Resamples).Lower;

    /// <summary>The fast path.</summary>
    [Benchmark]
    [BenchmarkCategory("RankingMetric")]
    public double RocAuc() => Bootstrap.Percentile(_labels, _scores, Roc.Auc, seed: 1, Resamples).Lower;

    /// <summary>The fast path, stratified.</summary>
    [Benchmark]
    [BenchmarkCategory("RankingMetric")]
    public double RocAucStratified() => Bootstrap.Percentile(_labels, _scores, Roc.Auc, seed: 1, Resamples, stratified: true).Lower;

    /// <summary>Average precision on the fast path.</summary>
    [Benchmark]
    [BenchmarkCategory("RankingMetric")]
    public double AveragePrecision() => Bootstrap.Percentile(_labels, _scores, PrecisionRecall.AveragePrecision, seed: 1, Resamples).Lower;

    /// <summary>
    /// Log loss on the general path as L1VsL2 took it before: a lambda around the whole report, so every resample is
    /// gathered, ranked and reported. Compare with <see cref="LogLossMaterialised"/> and <see cref="LogLoss"/>.
    /// </summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("LogLoss")]
    public double LogLossReportMaterialised() => Bootstrap.Percentile(_labels, _scores, (l, s) => BinaryEvaluation.Evaluate(l, s).LogLoss ?? double.NaN, seed: 1, Resamples).Lower;

    /// <summary>Log loss on the general path: <c>(l, s) =&gt; BinaryEvaluation.LogLoss(l, s)</c> is not recognised, so every resample is gathered.</summary>
    [Benchmark]
    [BenchmarkCategory("LogLoss")]
    public double LogLossMaterialised() => Bootstrap.Percentile(_labels, _scores, (l, s) => BinaryEvaluation.LogLoss(l, s), seed: 1, Resamples).Lower;

    /// <summary>Log loss on the fast path: each row's term once, each resample's drawn terms summed in draw order, both cores.</summary>
    [Benchmark]
    [BenchmarkCategory("LogLoss")]
    public double LogLoss() => Bootstrap.Percentile(_labels, _scores, BinaryEvaluation.LogLoss, seed: 1, Resamples).Lower;

    /// <summary>The paired difference of two models' log loss on the fast path, stratified (as L1VsL2 calls it).</summary>
    [Benchmark]
    [BenchmarkCategory("LogLoss")]
    public double PairedLogLossStratified() => Bootstrap.PairedDifference(_labels, _scores, _scoresB, BinaryEvaluation.LogLoss, seed: 1, Resamples, stratified: true).Lower;

    /// <summary>Reports of <see cref="ReportResamples"/> resamples as TestSetBootstrap made them before: each gathered and evaluated.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Report")]
    public double ReportMaterialised()
    {
        double sum = 0;
        foreach (int[] rows in _resampleRows)
        {
            bool[] labels = [.. rows.Select(i => _labels[i])];
            double[] scores = [.. rows.Select(i => _scores[i])];
            sum += BinaryEvaluation.Evaluate(labels, scores, zeroDivision: ZeroDivision.NaN).F1;
        }

        return sum;
    }

    /// <summary>The same reports from the row indices (<see cref="BinaryResampleEvaluator"/>, scores ranked once in the setup).</summary>
    [Benchmark]
    [BenchmarkCategory("Report")]
    public double ReportFromRows()
    {
        double sum = 0;
        foreach (int[] rows in _resampleRows)
        {
            sum += _evaluator!.Evaluate(rows).F1;
        }

        return sum;
    }

    /// <summary>The paired difference of two models' AUC on the fast path.</summary>
    [Benchmark]
    [BenchmarkCategory("RankingMetric")]
    public double PairedRocAuc() => Bootstrap.PairedDifference(_labels, _scores, _scoresB, Roc.Auc, seed: 1, Resamples).Lower;
}
