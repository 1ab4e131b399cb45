using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using MathNet.Numerics.Statistics;
using Microsoft.ML;

namespace ClassicalML.Scenarios.L1VsL2;

/// <summary>One synthetic draw's selection measurements: the L1 model at the validation-tuned λ of the synthetic set
/// (5 informative, 15 noise features) and the drop order of the L1 paths of the synthetic and the graded set.</summary>
/// <param name="Draw">The draw, from 1; draw 1 is the synthetic and the graded set of the other tables and claims.</param>
/// <param name="TunedLambda">The synthetic set's L1 λ with the smallest validation log loss.</param>
/// <param name="Kept">Features with a non-zero weight at that λ.</param>
/// <param name="Precision">Informative share of the kept features (NaN when none is kept).</param>
/// <param name="Recall">Share of the informative features kept.</param>
/// <param name="NoiseDropped">Noise features with an exactly-zero weight.</param>
/// <param name="InformativeLast">Synthetic L1 path: share of (informative, noise) pairs in which the informative
/// feature is dropped at the larger λ (ties ½).</param>
/// <param name="GradedShare">Graded L1 path: share of (more useful, less useful) pairs dropped in order (ties ½).</param>
internal sealed record DrawMeasure(int Draw, double TunedLambda, int Kept, double Precision, double Recall, int NoiseDropped, double InformativeLast, double GradedShare);

/// <summary>The draw whose fits the convergence table checks (the first draw with a derived seed), with its λs.</summary>
internal sealed record RepresentativeDraw(int Draw, PreparedData Synthetic, double TunedLambda, PreparedData Graded, double GradedFirstZeroLambda);

/// <summary>Every draw's measurements and their means over the draws with 95% bootstrap intervals.</summary>
internal sealed record DrawSet(IReadOnlyList<DrawMeasure> Draws, RecoveryMeasure Recovery, IReadOnlyList<DropOrderMeasure> DropOrder, RepresentativeDraw Representative);

/// <summary>
/// Repeats the synthetic selection and drop-order measurements on independent draws of the two synthetic data sets,
/// each draw with its own data and split seeds (<c>Seeds.Derive(seed, "synthetic draw d")</c> and so on), so that
/// their verdicts rest on a mean over draws with an interval, not on one draw.
/// </summary>
internal static class Draws
{
    /// <summary>Case names of the drop-order claim.</summary>
    public const string SyntheticCase = "synthetic (5 informative, 15 noise)";

    /// <summary>Case names of the drop-order claim.</summary>
    public const string GradedCase = "graded (coefficients 1, 0.3, 0)";

    /// <summary>Measures every draw: draw 1 from the run's own synthetic path and graded share, the others fitted here.</summary>
    public static DrawSet Measure(MLContext ml, L1VsL2Settings settings, RunData data, PathSet paths, double gradedShare, IProgressReporter progress)
    {
        var first = Selection(data.Synthetic, paths.Grid, paths.Paths[(RunData.SyntheticIndex, Penalty.L1)]);
        var draws = new List<DrawMeasure> { first.Measure(1, gradedShare) };
        RepresentativeDraw? representative = null;
        for (int d = 2; d <= settings.Draws; d++)
        {
            var synthetic = Experiment.Synthetic(settings, Seeds.Derive(settings.Seed, $"synthetic draw {d}"));
            var set = RegularizationPath.Prepare(ml, synthetic.ToDataset("synthetic"), "synthetic", Seeds.Derive(settings.Seed, $"split synthetic draw {d}"), settings.TestFraction, settings.ValidationFraction);
            var path = paths.Grid.Select(lambda => RegularizationPath.Fit(ml, set, Penalty.L1, lambda)).ToArray();
            var selection = Selection(synthetic, paths.Grid, path);
            var graded = Experiment.GradedSet(ml, settings, Seeds.Derive(settings.Seed, $"graded draw {d}"), Seeds.Derive(settings.Seed, $"split graded draw {d}"));
            var (share, drop, _) = Experiment.GradedPath(ml, graded, paths.Grid);
            draws.Add(selection.Measure(d, share));
            representative ??= new RepresentativeDraw(d, set, selection.TunedLambda, graded, drop.Where(double.IsFinite).DefaultIfEmpty(paths.Grid[^1]).Min());
            progress.Report("synthetic draws", d, settings.Draws);
        }

        return new DrawSet(draws, Recovery(settings, draws), DropOrder(settings, draws),
            representative ?? throw new ArgumentOutOfRangeException(nameof(settings), settings.Draws, "Draws is below 2; pass --draws 5 or more."));
    }

    /// <summary>The mean of the defined (non-NaN) values; NaN when none is defined.</summary>
    public static double DefinedMean(IEnumerable<double> values)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToList();
        return defined.Count == 0 ? double.NaN : defined.Average();
    }

    /// <summary>The mean over draws of the defined values with its 95% percentile bootstrap interval over the draws
    /// (resamples whose draws are all undefined are counted in the interval's undefined share).</summary>
    public static Interval MeanOverDraws(IReadOnlyList<double> values, int seed, int resamples)
    {
        double[] v = [.. values];
        if (double.IsNaN(DefinedMean(v)))
        {
            return new Interval(double.NaN, double.NaN, double.NaN, 0.95, "percentile bootstrap over draws");
        }

        double Metric(ReadOnlySpan<int> rows)
        {
            double sum = 0;
            int n = 0;
            foreach (int r in rows)
            {
                if (!double.IsNaN(v[r]))
                {
                    sum += v[r];
                    n++;
                }
            }

            return n == 0 ? double.NaN : sum / n;
        }

        return Bootstrap.Percentile(v.Length, Metric, seed, resamples).Interval;
    }

    /// <summary>Per-draw spread of a quantity: SD, min, median, max of the defined values.</summary>
    public static (double Sd, double Min, double Median, double Max) Spread(IEnumerable<double> values)
    {
        double[] v = [.. values.Where(x => !double.IsNaN(x))];
        return v.Length == 0 ? (double.NaN, double.NaN, double.NaN, double.NaN)
            : (v.Length > 1 ? v.StandardDeviation() : double.NaN, v.Min(), v.Median(), v.Max());
    }

    private static RecoveryMeasure Recovery(L1VsL2Settings s, IReadOnlyList<DrawMeasure> draws) => new(
        MeanOverDraws([.. draws.Select(d => d.Recall)], Seeds.Derive(s.Seed, "draws bootstrap recall"), s.BootstrapResamples),
        MeanOverDraws([.. draws.Select(d => d.Precision)], Seeds.Derive(s.Seed, "draws bootstrap precision"), s.BootstrapResamples),
        draws.Count,
        draws.Count(d => d.Kept == 0));

    private static List<DropOrderMeasure> DropOrder(L1VsL2Settings s, IReadOnlyList<DrawMeasure> draws) =>
    [
        new(SyntheticCase, MeanOverDraws([.. draws.Select(d => d.InformativeLast)], Seeds.Derive(s.Seed, "draws bootstrap informative last"), s.BootstrapResamples), draws.Count),
        new(GradedCase, MeanOverDraws([.. draws.Select(d => d.GradedShare)], Seeds.Derive(s.Seed, "draws bootstrap graded"), s.BootstrapResamples), draws.Count),
    ];

    private static SyntheticSelection Selection(SyntheticClassification synthetic, double[] grid, PathPoint[] l1Path)
    {
        int[] informative = [.. synthetic.InformativeFeatures];
        int k = PathAnalysis.ArgMin([.. l1Path.Select(p => p.ValidationLogLoss)]);
        var r = PathAnalysis.Recovery(l1Path[k].Weights, informative);
        int noiseDropped = synthetic.NoiseFeatures.Count(j => l1Path[k].Weights[j] == 0);
        double[] drop = PathAnalysis.DropLambdas(grid, [.. l1Path.Select(p => p.Weights)]);
        return new SyntheticSelection(grid[k], r.Kept, r.Precision, r.Recall, noiseDropped, PathAnalysis.InformativeLastShare(drop, informative));
    }

    private sealed record SyntheticSelection(double TunedLambda, int Kept, double Precision, double Recall, int NoiseDropped, double InformativeLast)
    {
        public DrawMeasure Measure(int draw, double gradedShare) => new(draw, TunedLambda, Kept, Precision, Recall, NoiseDropped, InformativeLast, gradedShare);
    }
}
