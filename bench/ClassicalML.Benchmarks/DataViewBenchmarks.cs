using BenchmarkDotNet.Attributes;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using Microsoft.ML;

namespace ClassicalML.Benchmarks;

/// <summary>
/// <see cref="DataViewEvaluation.EvaluateBinary"/> on an in-memory <see cref="IDataView"/> (<see cref="DataViewBuilder"/>:
/// a Boolean Label and a Single Probability column, as a scorer leaves them) against
/// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
/// on the same values already in arrays (the baseline, measured in the same run): the ratio is the adapter's overhead.
/// </summary>
[MemoryDiagnoser]
public class DataViewBenchmarks
{
    private bool[] _labels = [];
    private double[] _scores = [];
    private IDataView _view = null!;
    private double[] _distinctScores = [];
    private IDataView _distinctView = null!;

    /// <summary>Number of rows.</summary>
    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Generates the data once per N (seed 42); the scores are Single in the view and the same values as doubles in the arrays.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (bool[] labels, double[] scores) = RankingData.Generate(N, seed: 42);
        float[] probabilities = [.. scores.Select(s => (float)s)];
        _labels = labels;
        _scores = [.. probabilities.Select(p => (double)p)];
        _view = new DataViewBuilder().AddBoolean("Label", labels).AddSingle("Probability", probabilities).Build();

        // Nearly all-distinct scores (no goal; issue #18's other kind of input): each score halved and nudged by its row's index, kept in [0, 1].
        float[] distinct = [.. scores.Select((s, i) => (float)((s * 0.5) + (0.5 * i / N)))];
        _distinctScores = [.. distinct.Select(p => (double)p)];
        _distinctView = new DataViewBuilder().AddBoolean("Label", labels).AddSingle("Probability", distinct).Build();
    }

    /// <summary>The array path on the same values.</summary>
    [Benchmark(Baseline = true)]
    public BinaryReport ArrayEvaluate() => BinaryEvaluation.Evaluate(_labels, _scores);

    /// <summary>The adapter: read Label and Probability from the view, then evaluate.</summary>
    [Benchmark]
    public BinaryReport ViewEvaluate() => _view.EvaluateBinary();

    /// <summary>Reading the columns into arrays only.</summary>
    [Benchmark]
    public BinaryPredictions ViewRead() => _view.ReadBinaryPredictions();

    /// <summary>The array path on nearly all-distinct scores (the same labels; more distinct scores than the tie table takes, so the radix sort).</summary>
    [Benchmark]
    public BinaryReport ArrayEvaluateDistinct() => BinaryEvaluation.Evaluate(_labels, _distinctScores);

    /// <summary>The adapter on the same nearly all-distinct scores (a Single Probability column).</summary>
    [Benchmark]
    public BinaryReport ViewEvaluateDistinct() => _distinctView.EvaluateBinary();
}
