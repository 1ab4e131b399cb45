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
    private double[] _distinctScores = [];

    /// <summary>
    /// The sizes: 10⁵, 10⁶, 10⁷, or those in the environment variable <c>CLASSICALML_BENCH_N</c> (comma-separated, e.g.
    /// <c>50000000</c> for a separate, shorter run of the largest size).
    /// </summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("CLASSICALML_BENCH_N") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [100_000, 1_000_000, 10_000_000];

    /// <summary>Number of scores.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>Generates the data once per N (seed 42).</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_labels, _scores) = RankingData.Generate(N, seed: 42);

        // The same scores made all distinct (score + i·10⁻¹², at most 5·10⁻⁵ apart from the rounded score), so
        // Evaluate, Roc.Auc and AveragePrecision cannot count ties in a hash table and sort every key, as for full-precision scores.
        _distinctScores = [.. _scores.Select((s, i) => s + (i * 1e-12))];
    }

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

    /// <summary>Exact ROC AUC, every score distinct (the radix-sort path).</summary>
    [Benchmark]
    public double RocAucDistinct() => Roc.Auc(_labels, _distinctScores);

    /// <summary>Exact average precision, every score distinct (the radix-sort path).</summary>
    [Benchmark]
    public double AveragePrecisionDistinct() => PrecisionRecall.AveragePrecision(_labels, _distinctScores);

    /// <summary>Every binary metric at threshold 0.5 (about 10,000 distinct scores: the tie-counting path).</summary>
    [Benchmark]
    public BinaryReport Evaluate() => BinaryEvaluation.Evaluate(_labels, _scores);

    /// <summary>Every binary metric at threshold 0.5, every score distinct (the radix-sort path).</summary>
    [Benchmark]
    public BinaryReport EvaluateDistinct() => BinaryEvaluation.Evaluate(_labels, _distinctScores);
}
