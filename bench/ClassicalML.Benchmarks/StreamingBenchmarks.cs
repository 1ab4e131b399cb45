using BenchmarkDotNet.Attributes;
using ClassicalML.Evaluation;

namespace ClassicalML.Benchmarks;

/// <summary>
/// <see cref="StreamingBinaryEvaluator"/> against <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
/// on the same arrays (the baseline, measured in the same run): the rows arrive in batches of 65,536. In the exact range
/// (capacity ≥ N) every score is kept; with the default settings (capacity 1M, 2²⁰ bins) 10M rows go through the histogram.
/// </summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    private const int Batch = 65_536;
    private bool[] _labels = [];
    private double[] _scores = [];

    /// <summary>Number of rows.</summary>
    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Generates the data once per N (seed 42).</summary>
    [GlobalSetup]
    public void Setup() => (_labels, _scores) = RankingData.Generate(N, seed: 42);

    /// <summary>The array path: every metric of the same rows at once.</summary>
    [Benchmark(Baseline = true)]
    public BinaryReport ArrayEvaluate() => BinaryEvaluation.Evaluate(_labels, _scores);

    /// <summary>Adding every row in the exact range (capacity N): the per-row cost of <c>Add</c> alone.</summary>
    [Benchmark]
    public long AddExact() => Fill(new StreamingBinaryEvaluator(exactCapacity: N)).Count;

    /// <summary>Adding every row in the exact range, then the report (exact AUC and AP from the kept scores).</summary>
    [Benchmark]
    public BinaryReport StreamExact() => Fill(new StreamingBinaryEvaluator(exactCapacity: N)).ToReport();

    /// <summary>Default settings: beyond 1M rows the scores go into the histogram (2²⁰ bins at most).</summary>
    [Benchmark]
    public BinaryReport StreamDefault() => Fill(new StreamingBinaryEvaluator()).ToReport();

    private StreamingBinaryEvaluator Fill(StreamingBinaryEvaluator evaluator)
    {
        for (int start = 0; start < N; start += Batch)
        {
            int length = Math.Min(Batch, N - start);
            evaluator.Add(_labels.AsSpan(start, length), _scores.AsSpan(start, length));
        }

        return evaluator;
    }
}
