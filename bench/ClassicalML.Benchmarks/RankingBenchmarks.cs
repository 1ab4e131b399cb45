using BenchmarkDotNet.Attributes;
using ClassicalML.Evaluation;

namespace ClassicalML.Benchmarks;

/// <summary>
/// The ranking metrics against <see cref="Array.Sort(Array)"/> of a copy of the same scores (the
/// baseline): a ratio ≤ 1 means the metric costs no more than sorting the scores once.
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private bool[] _labels = [];
    private double[] _scores = [];

    /// <summary>Number of scores.</summary>
    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Generates the data once per N (seed 42).</summary>
    [GlobalSetup]
    public void Setup() => (_labels, _scores) = RankingData.Generate(N, seed: 42);

    /// <summary>Copy the scores and sort the copy: what any comparison-sort implementation pays at least.</summary>
    [Benchmark(Baseline = true)]
    public double[] ArraySortCopy()
    {
        double[] copy = (double[])_scores.Clone();
        Array.Sort(copy);
        return copy;
    }

    /// <summary>Exact ROC AUC.</summary>
    [Benchmark]
    public double RocAuc() => Roc.Auc(_labels, _scores);

    /// <summary>Exact average precision.</summary>
    [Benchmark]
    public double AveragePrecision() => PrecisionRecall.AveragePrecision(_labels, _scores);

    /// <summary>Every binary metric at threshold 0.5.</summary>
    [Benchmark]
    public BinaryReport Evaluate() => BinaryEvaluation.Evaluate(_labels, _scores);
}
