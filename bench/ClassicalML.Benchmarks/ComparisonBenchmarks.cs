using BenchmarkDotNet.Attributes;
using ClassicalML.Evaluation;

namespace ClassicalML.Benchmarks;

/// <summary>
/// DeLong's interval and paired test against <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> of the same scores (the baseline): the placements
/// cost one sort per model (the AUC's) plus a binary search per row, O(n log n), so a ratio of a few is expected; the
/// O(P·N) definition would take hours at these sizes.
/// </summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private bool[] _labels = [];
    private double[] _scoresA = [];
    private double[] _scoresB = [];

    /// <summary>Number of rows.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    /// <summary>Generates the data once per N (seeds 42 and 43: the same labels, two models' tied scores).</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_labels, _scoresA) = RankingData.Generate(N, seed: 42);
        _scoresB = [.. _scoresA.Select((s, i) => Math.Round((0.7 * s) + (0.3 * ((i * 0.618034) % 1)), 4))];
    }

    /// <summary>Exact ROC AUC of model A.</summary>
    [Benchmark(Baseline = true)]
    public double RocAuc() => Roc.Auc(_labels, _scoresA);

    /// <summary>DeLong's interval of model A's AUC.</summary>
    [Benchmark]
    public DeLongAucInterval DeLongInterval() => DeLong.AucInterval(_labels, _scoresA);

    /// <summary>DeLong's paired test of models A and B.</summary>
    [Benchmark]
    public DeLongTest DeLongPaired() => DeLong.Paired(_labels, _scoresA, _scoresB);
}
