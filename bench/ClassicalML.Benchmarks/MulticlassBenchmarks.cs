using BenchmarkDotNet.Attributes;
using ClassicalML.Evaluation;
using MathNet.Numerics.Random;

namespace ClassicalML.Benchmarks;

/// <summary>
/// One-vs-rest ROC AUC of n rows × 10 classes against <see cref="Array.Sort(Array)"/> of a copy of each of the 10 score
/// columns (the baseline: what ten comparison sorts cost). A ratio ≤ 1 means the whole multiclass AUC costs no more
/// than sorting each column once.
/// </summary>
[MemoryDiagnoser]
public class MulticlassBenchmarks
{
    private const int Classes = 10;
    private static readonly int[] ClassOrder = [.. Enumerable.Range(0, Classes)];
    private int[] _actual = [];
    private ScoreMatrix _scores = ScoreMatrix.FromRowMajor([0.5, 0.5], 2);
    private double[][] _columns = [];

    /// <summary>Number of rows.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    /// <summary>Generates the data once (seed 42).</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_actual, _scores) = MulticlassData.Generate(N, Classes, seed: 42);
        _columns = [.. ClassOrder.Select(_scores.Column)];
    }

    /// <summary>Copy each column and sort the copy: ten comparison sorts.</summary>
    [Benchmark(Baseline = true)]
    public int ArraySortColumns()
    {
        foreach (var column in _columns)
        {
            var copy = (double[])column.Clone();
            Array.Sort(copy);
        }

        return _columns.Length;
    }

    /// <summary>One-vs-rest ROC AUC, macro (scikit-learn's <c>multi_class="ovr"</c>).</summary>
    [Benchmark]
    public double OneVsRestAuc() => MulticlassScoreEvaluation.RocAuc<int>(_actual, _scores, ClassOrder);

    /// <summary>The whole report: OvR and OvO AUC, AP, top-1..5, log loss, Brier, arg-max precision/recall/F1.</summary>
    [Benchmark]
    public MulticlassScoreReport<int> Evaluate() => MulticlassScoreEvaluation.Evaluate<int>(_actual, _scores, ClassOrder);
}

/// <summary>Multiclass benchmark input, the same for a given seed on every machine.</summary>
public static class MulticlassData
{
    /// <summary>
    /// n rows of k classes (class c drawn with weight c + 1), scores the softmax of logits = 1.2·[class = c] + standard
    /// normal noise: probabilities, full precision (so rows sum to 1 as scikit-learn's roc_auc_score requires).
    /// </summary>
    public static (int[] Actual, ScoreMatrix Scores) Generate(int n, int k, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var actual = new int[n];
        var values = new double[n * k];
        double total = k * (k + 1) / 2.0;
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble() * total;
            int y = 0;
            for (double edge = 1; u >= edge && y < k - 1; edge += y + 1)
            {
                y++;
            }

            actual[i] = y;
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                double noise = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2); // Box–Muller
                values[(i * k) + c] = Math.Exp((c == y ? 1.2 : 0.0) + noise);
                sum += values[(i * k) + c];
            }

            for (int c = 0; c < k; c++)
            {
                values[(i * k) + c] /= sum;
            }
        }

        return (actual, ScoreMatrix.FromRowMajor(values, k));
    }
}
