using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using ClassicalML.Models;
using MathNet.Numerics.Random;
using Microsoft.ML;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>A data set split into a training pool and a test set, with everything the experiments read.</summary>
internal sealed class PreparedData
{
    public PreparedData(string name, Dataset all, int[] trainRows, int[] testRows, MLContext context)
    {
        Name = name;
        Train = all.Select(trainRows);
        Test = all.Select(testRows);
        TrainView = Train.ToDataView(context);
        TestView = Test.ToDataView(context);
        TrainLabels = Train.BinaryLabels();
        TestLabels = Test.BinaryLabels();
        var matrix = Test.GetNumericMatrix();
        TestFeatures = [.. Enumerable.Range(0, Test.RowCount).Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => (float)matrix[i, j]).ToArray())];
    }

    public string Name { get; }

    public Dataset Train { get; }

    public Dataset Test { get; }

    public IDataView TrainView { get; }

    public IDataView TestView { get; }

    public bool[] TrainLabels { get; }

    public bool[] TestLabels { get; }

    /// <summary>Test features as Single, as ML.NET's Features vector holds them (for staged tree predictions).</summary>
    public float[][] TestFeatures { get; }
}

/// <summary>Small, testable computations of the scenario.</summary>
internal static class Experiment
{
    /// <summary>Ensemble sizes on a log-ish grid 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, … up to <paramref name="max"/> (always included).</summary>
    public static int[] SizeGrid(int max)
    {
        var grid = new List<int>();
        for (var decade = 1; decade <= max; decade *= 10)
        {
            foreach (var m in new[] { 1, 2, 3, 5 })
            {
                if (m * decade <= max)
                {
                    grid.Add(m * decade);
                }
            }
        }

        if (grid[^1] != max)
        {
            grid.Add(max);
        }

        return [.. grid.Distinct().Order()];
    }

    /// <summary>Whether each row is misclassified: (score ≥ threshold) ≠ label.</summary>
    public static bool[] Errors(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double threshold)
    {
        var errors = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            errors[i] = (scores[i] >= threshold) != labels[i];
        }

        return errors;
    }

    /// <summary>The share of true values.</summary>
    public static double Rate(bool[] errors) => errors.Count(e => e) / (double)errors.Length;

    /// <summary>An error rate with its 95% Wilson interval.</summary>
    public static Interval WilsonError(bool[] errors) => Intervals.Wilson(errors.Count(e => e), errors.Length);

    /// <summary>
    /// Newcombe's hybrid score interval (method 10) for p1 − p2 of two independent proportions, from their 95% Wilson intervals:
    /// [d − √((p1 − l1)² + (u2 − p2)²), d + √((u1 − p1)² + (p2 − l2)²)].
    /// </summary>
    public static Interval NewcombeDifference(Interval first, Interval second)
    {
        var d = first.Estimate - second.Estimate;
        var lower = d - Math.Sqrt(Math.Pow(first.Estimate - first.Lower, 2) + Math.Pow(second.Upper - second.Estimate, 2));
        var upper = d + Math.Sqrt(Math.Pow(first.Upper - first.Estimate, 2) + Math.Pow(second.Estimate - second.Lower, 2));
        return new Interval(d, lower, upper, 0.95, "Newcombe hybrid score");
    }

    /// <summary>The mean of a per-row quantity with a 95% percentile bootstrap interval over rows.</summary>
    public static Interval MeanWithBootstrap(double[] perRow, int seed, int resamples)
    {
        var interval = Bootstrap.Percentile(perRow.Length, rows =>
        {
            double sum = 0;
            foreach (var i in rows)
            {
                sum += perRow[i];
            }

            return sum / rows.Length;
        }, seed, resamples);
        return interval.Interval; // as measured, never widened
    }

    /// <summary>The paired relative change (Σ after − Σ before) / Σ before of a per-row quantity, with a 95% percentile
    /// bootstrap interval over rows (both sums on the same resampled rows).</summary>
    public static Interval RelativeChange(double[] after, double[] before, int seed, int resamples)
    {
        var interval = Bootstrap.Percentile(after.Length, rows =>
        {
            double a = 0, b = 0;
            foreach (var i in rows)
            {
                a += after[i];
                b += before[i];
            }

            return b == 0 ? double.NaN : (a - b) / b;
        }, seed, resamples);
        return interval.Interval;
    }

    /// <summary>
    /// Squared-loss decomposition per test row from predictions p[r][i] of R rounds:
    /// p̄(i) = mean_r p[r][i]; bias²(i) = (p̄(i) − y(i))²; variance(i) = mean_r (p[r][i] − p̄(i))²; loss(i) = mean_r (p[r][i] − y(i))² = bias²(i) + variance(i).
    /// </summary>
    public static (double[] Loss, double[] Bias2, double[] Variance) Decompose(double[][] predictions, bool[] labels)
    {
        var n = labels.Length;
        var rounds = predictions.Length;
        var loss = new double[n];
        var bias2 = new double[n];
        var variance = new double[n];
        for (var i = 0; i < n; i++)
        {
            var y = labels[i] ? 1.0 : 0.0;
            double mean = 0;
            for (var r = 0; r < rounds; r++)
            {
                mean += predictions[r][i];
            }

            mean /= rounds;
            double v = 0;
            double l = 0;
            for (var r = 0; r < rounds; r++)
            {
                v += Math.Pow(predictions[r][i] - mean, 2);
                l += Math.Pow(predictions[r][i] - y, 2);
            }

            bias2[i] = Math.Pow(mean - y, 2);
            variance[i] = v / rounds;
            loss[i] = l / rounds;
        }

        return (loss, bias2, variance);
    }

    /// <summary>Labels with exactly round(fraction · n) of them flipped, the rows chosen by a seeded partial Fisher–Yates shuffle.</summary>
    public static bool[] FlipLabels(bool[] labels, double fraction, int seed)
    {
        var n = labels.Length;
        var count = (int)Math.Round(fraction * n, MidpointRounding.AwayFromZero);
        var order = Enumerable.Range(0, n).ToArray();
        var random = new MersenneTwister(seed);
        var flipped = (bool[])labels.Clone();
        for (var k = 0; k < count; k++)
        {
            var swap = k + random.Next(n - k);
            (order[k], order[swap]) = (order[swap], order[k]);
            flipped[order[k]] = !flipped[order[k]];
        }

        return flipped;
    }

    /// <summary>A bootstrap sample of 0..n−1 (n draws with replacement, ascending).</summary>
    public static int[] BootstrapRows(int n, int seed)
    {
        var random = new MersenneTwister(seed);
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = random.Next(n);
        }

        Array.Sort(rows);
        return rows;
    }

    /// <summary>The probability (or, without one, the raw score) of each row of a scored view.</summary>
    public static double[] Scores(IDataView scored) => scored.ReadBinaryPredictions("Label", "Score", "Probability").Scores;

    /// <summary>Stratified subsample of <paramref name="rows"/> rows, then a stratified half/half split into training pool and test set.</summary>
    public static (int[] Train, int[] Test) SubsampleAndSplit(bool[] labels, int rows, int seed)
    {
        int[] pool;
        if (rows >= labels.Length)
        {
            pool = [.. Enumerable.Range(0, labels.Length)];
        }
        else
        {
            var keep = TrainTestSplit.Stratified<bool>(labels, 1.0 - (rows / (double)labels.Length), Seeds.Derive(seed, "subsample"));
            pool = [.. keep.TrainIndices];
        }

        var poolLabels = pool.Select(i => labels[i]).ToArray();
        var half = TrainTestSplit.Stratified<bool>(poolLabels, 0.5, Seeds.Derive(seed, "halves"));
        return ([.. half.TrainIndices.Select(i => pool[i])], [.. half.TestIndices.Select(i => pool[i])]);
    }
}
