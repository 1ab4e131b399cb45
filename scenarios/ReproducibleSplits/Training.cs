using System.Diagnostics;
using System.Globalization;
using ClassicalML.Data.Splits;
using ClassicalML.Models.Convergence;
using Microsoft.ML;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Retrains of one trainer configuration compared with the first training (test-set probabilities).</summary>
internal sealed record RetrainRow(string Trainer, int Seed, int Compared, int Identical, double MaxDifference, double MeanMilliseconds);

/// <summary>One convergence check: the fit as used against a refit with 10 times the cap and 1/100 of the tolerance.</summary>
internal sealed record ConvergenceRow(string Trainer, string Cap, string Tolerance, string Check, ConvergenceResult Result);

/// <summary>Whether seeded ML.NET training repeats, and whether its iterative trainers converged.</summary>
/// <param name="SingleThreaded">Retrains with the same seed on one thread (decide the verdict).</param>
/// <param name="OtherSeed">One training with the next seed against the first (does the seed matter at all?).</param>
/// <param name="MultiThreaded">Retrains on several threads: not reproducible, so reported under timings only.</param>
/// <param name="Convergence">The convergence checks.</param>
internal sealed record TrainingMeasurements(IReadOnlyList<RetrainRow> SingleThreaded, IReadOnlyList<RetrainRow> OtherSeed,
    IReadOnlyList<RetrainRow> MultiThreaded, IReadOnlyList<ConvergenceRow> Convergence)
{
    public Count SingleThreadIdentical => new(SingleThreaded.Sum(r => r.Identical), SingleThreaded.Sum(r => r.Compared));

    public double SingleThreadMaxDifference => SingleThreaded.Select(r => r.MaxDifference).Aggregate(0.0, (a, b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b));
}

internal static class Training
{
    /// <summary>A relative change of weights and training loss at or below this, after refitting tighter, counts as converged.</summary>
    public const double ConvergedBelow = 0.01;

    /// <summary>
    /// Retrains each configuration on one fixed split (get_splits after a fixed seed) with the same MLContext seed and
    /// compares the test-set probabilities with the first training, then checks the iterative trainers' convergence.
    /// </summary>
    public static TrainingMeasurements Measure(Models models, int splitSeed, int seed, int retrains, int trees, IProgressReporter progress)
    {
        var sets = AnswerSplit.Call(models.RowCount, splitSeed);
        int[] train = AnswerSplit.Rows(sets, SplitSet.Train), test = AnswerSplit.Rows(sets, SplitSet.Test);
        (string Name, Func<MLContext, IEstimator<ITransformer>> Make)[] single =
        [
            ("logistic regression, L-BFGS", ml => Models.LogisticRegression(ml)),
            ("logistic regression, SDCA", ml => Models.Sdca(ml, 1)),
            ("FastTree", ml => Models.FastTree(ml, 1, trees)),
        ];
        (string Name, Func<MLContext, IEstimator<ITransformer>> Make)[] multi =
        [
            ("logistic regression, SDCA, 2 threads", ml => Models.Sdca(ml, 2)),
            ("logistic regression, SDCA, default threads", ml => Models.Sdca(ml, null)),
            ("FastTree, 2 threads", ml => Models.FastTree(ml, 2, trees)),
            ("FastTree, default threads", ml => Models.FastTree(ml, null, trees)),
        ];
        int steps = (single.Length + multi.Length) * retrains + single.Length - 1, step = 0;
        var firstRuns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        RetrainRow Repeat(string name, Func<MLContext, IEstimator<ITransformer>> make, int contextSeed, int times, double[]? reference)
        {
            var runs = new List<double[]>();
            if (reference is not null)
            {
                runs.Add(reference);
            }

            var clock = Stopwatch.StartNew();
            for (int r = 0; r < times; r++)
            {
                runs.Add(models.TrainAndScore(make(new MLContext(contextSeed)), train, test));
                progress.Report("retraining", ++step, steps);
            }

            firstRuns.TryAdd(name, runs[0]);
            var (identical, max) = Compare(runs);
            return new RetrainRow(name, contextSeed, runs.Count - 1, identical, max, clock.Elapsed.TotalMilliseconds / times);
        }

        var singleRows = single.Select(c => Repeat(c.Name, c.Make, seed, retrains, null)).ToList();
        var otherSeed = single.Skip(1).Select(c => Repeat(c.Name, c.Make, seed + 1, 1, firstRuns[c.Name]) with { Trainer = c.Name + " (seed + 1 vs seed)" }).ToList();
        var multiRows = multi.Select(c => Repeat(c.Name, c.Make, seed, retrains, null)).ToList();
        return new TrainingMeasurements(singleRows, otherSeed, multiRows, Convergence(models, train, seed));
    }

    /// <summary>L-BFGS (no cap by default: tolerance only) and SDCA (cap and tolerance) against tighter refits.</summary>
    public static IReadOnlyList<ConvergenceRow> Convergence(Models models, IReadOnlyList<int> train, int seed)
    {
        var ml = new MLContext(seed);
        var data = models.View(train);
        static string F(float x) => x.ToString("R", CultureInfo.InvariantCulture);
        var lbfgs = LinearConvergence.Check(Models.LogisticRegression(ml), Models.LogisticRegression(ml, int.MaxValue, Models.LbfgsTolerance / 100), data, ConvergedBelow);
        var sdca = LinearConvergence.Check(Models.Sdca(ml, 1), Models.Sdca(ml, 1, 10 * Models.SdcaCap, Models.SdcaTolerance / 100), data, ConvergedBelow);
        return
        [
            new("logistic regression, L-BFGS (L1 = 0, L2 = 1)", "none (ML.NET default)", F(Models.LbfgsTolerance), $"refit with tolerance {F(Models.LbfgsTolerance / 100)}", lbfgs),
            new($"logistic regression, SDCA (L2 = {F(Models.SdcaL2)})", Models.SdcaCap.ToString(CultureInfo.InvariantCulture), F(Models.SdcaTolerance),
                $"refit with cap {10 * Models.SdcaCap} and tolerance {F(Models.SdcaTolerance / 100)}", sdca),
        ];
    }

    /// <summary>How many runs after the first are bit-identical to it, and the largest absolute difference.</summary>
    internal static (int Identical, double Max) Compare(IReadOnlyList<double[]> runs)
    {
        int identical = 0;
        double max = 0;
        for (int r = 1; r < runs.Count; r++)
        {
            double d = MaxDifference(runs[0], runs[r]);
            identical += BitIdentical(runs[0], runs[r]) ? 1 : 0;
            max = double.IsNaN(d) || double.IsNaN(max) ? double.NaN : Math.Max(max, d);
        }

        return (identical, max);
    }

    /// <summary>Whether the two arrays hold the same doubles bit for bit.</summary>
    internal static bool BitIdentical(double[] a, double[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second));

    /// <summary>max |a_i - b_i| (NaN when a value is NaN).</summary>
    internal static double MaxDifference(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = Math.Abs(a[i] - b[i]);
            if (double.IsNaN(d))
            {
                return double.NaN;
            }

            max = Math.Max(max, d);
        }

        return max;
    }
}
