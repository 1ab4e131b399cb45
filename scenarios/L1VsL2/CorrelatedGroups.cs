using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using MathNet.Numerics.Random;
using Microsoft.ML;

namespace ClassicalML.Scenarios.L1VsL2;

/// <summary>What the correlated-groups experiment produced: the claim's measures, tables, bars and the exact-copy weights.</summary>
internal sealed record GroupResult(
    IReadOnlyList<GroupMeasure> Measures,
    ReportTable Weights,
    ReportTable Shares,
    IReadOnlyList<BarValue> Bars,
    (string Feature, double L1Original, double L1Copy) Copy,
    string Stability,
    (int Refits, int Sparse, int GroupChecks, int GroupConfirming) ElasticNetRefits);

/// <summary>
/// Breast cancer's groups of near-duplicate measurements, and one feature with an exact copy, refitted on bootstrap
/// resamples of the training rows at each penalty's tuned λ: does L1 keep one member and L2 spread the weight?
/// </summary>
internal static class CorrelatedGroups
{
    /// <summary>The groups: the radius, perimeter and area of the nuclei, mean and worst (pairwise |r| ≥ 0.94 on all rows), and their standard errors (|r| ≥ 0.94).</summary>
    public static readonly (string Name, string Label, string[] Members)[] Groups =
    [
        ("size (mean and worst)", "size", ["mean_radius", "mean_perimeter", "mean_area", "worst_radius", "worst_perimeter", "worst_area"]),
        ("size error", "error", ["radius_error", "perimeter_error", "area_error"]),
    ];

    /// <summary>The feature given an exact copy.</summary>
    public const string Copied = "worst_radius";

    public static GroupResult Measure(MLContext ml, L1VsL2Settings settings, PreparedData set, PathPoint l1, PathPoint l2, PathPoint en, IProgressReporter progress)
    {
        var names = set.FeatureNames.ToList();
        var copySet = WithCopy(ml, settings, set, names.IndexOf(Copied), l1.Lambda, l2.Lambda);
        (string Name, string Label, int[] Members, PreparedData Data, double[] L1, double[] L2, double[]? En)[] groups =
        [
            .. Groups.Select(g => (g.Name, g.Label, g.Members.Select(m => names.IndexOf(m)).ToArray(), set, l1.Weights, l2.Weights, (double[]?)en.Weights)),
            ($"{Copied} + exact copy", "copy", [names.IndexOf(Copied), names.Count], copySet.Set, copySet.L1, copySet.L2, null),
        ];

        // Refits on bootstrap resamples of the training rows (drawn here: the library's bootstrap resamples metrics,
        // not training sets); the copy set has the same rows, so one draw serves both.
        var random = new MersenneTwister(Seeds.Derive(settings.Seed, "stability refits"));
        var refits = new List<(double[] L1, double[] L2, double[] CopyL1, double[] CopyL2, double[] En)>();
        for (int r = 0; r < settings.StabilityRefits; r++)
        {
            int[] rows = [.. set.TrainIndices.Select(_ => set.TrainIndices[random.Next(set.TrainIndices.Length)])];
            var view = set.View(ml, rows);
            var copyView = copySet.Set.View(ml, rows);
            refits.Add((RegularizationPath.Train(ml, view, l1.Lambda, 0).Weights, RegularizationPath.Train(ml, view, 0, l2.Lambda).Weights,
                RegularizationPath.Train(ml, copyView, l1.Lambda, 0).Weights, RegularizationPath.Train(ml, copyView, 0, l2.Lambda).Weights,
                RegularizationPath.Train(ml, view, en.Lambda / 2, en.Lambda / 2).Weights));
            progress.Report("refits for the correlated groups", r + 1, settings.StabilityRefits);
        }

        var acc = new Accumulator();
        foreach (var (name, label, idx, data, w1, w2, wEn) in groups)
        {
            bool copy = wEn is null;
            acc.Add(name, label, idx, data, w1, w2, wEn, [.. refits.Select(f => copy ? (f.CopyL1, f.CopyL2) : (f.L1, f.L2))]);
        }

        int source = names.IndexOf(Copied);
        string stabilityText = string.Create(CultureInfo.InvariantCulture, $"L1's largest member across {settings.StabilityRefits} bootstrap refits at the same λ: {string.Join("; ", acc.Stability)}");
        // Elastic net over the same refits: an exact zero somewhere, and more members of a group kept than L1 keeps
        // (counted over the refits in which either keeps a member).
        var pairs = groups.Where(g => g.En is not null).SelectMany(g => refits.Select(f => (L1: PathAnalysis.GroupShare(f.L1, g.Members).Kept, En: PathAnalysis.GroupShare(f.En, g.Members).Kept)))
            .Where(t => t.L1 > 0 || t.En > 0).ToList();
        var enRefits = (refits.Count, refits.Count(f => f.En.Any(w => w == 0)), pairs.Count, pairs.Count(t => t.En > t.L1));
        return new GroupResult(acc.Measures, acc.Weights, acc.Shares, acc.Bars, (Copied, copySet.L1[source], copySet.L1[names.Count]), stabilityText, enRefits);
    }

    /// <summary>Collects, group by group, the claim's measures and the tables.</summary>
    private sealed class Accumulator
    {
        public ReportTable Weights { get; } = new("correlated-groups",
            ["group", "min |r| in group (train)", "member", "L1 weight (tuned λ)", "L2 weight (tuned λ)", "EN weight (tuned λ)", "L1 non-zero in refits", "L1 largest in refits", "L2 largest in refits"]);

        public ReportTable Shares { get; } = new("correlated-group-shares",
            ["group", "members", "L1 kept (all rows)", "L1 largest share", "L2 kept (all rows)", "L2 largest share", "refits", "refits L1 used the group", "refits confirming (L1 one or a minority, L2 all)"]);

        public List<GroupMeasure> Measures { get; } = [];

        public List<BarValue> Bars { get; } = [];

        public List<string> Stability { get; } = [];

        public void Add(string name, string label, int[] idx, PreparedData data, double[] w1, double[] w2, double[]? wEn, IReadOnlyList<(double[] L1, double[] L2)> refits)
        {
            var g1 = PathAnalysis.GroupShare(w1, idx);
            var g2 = PathAnalysis.GroupShare(w2, idx);
            var perRefit = refits.Select(f => (A: PathAnalysis.GroupShare(f.L1, idx), B: PathAnalysis.GroupShare(f.L2, idx))).ToList();
            int used = perRefit.Count(t => t.A.Kept > 0);
            int confirming = perRefit.Count(t => GroupMeasure.Confirms(idx.Length, t.A.Kept, t.B.Kept, t.B.LargestShare));
            Measures.Add(new GroupMeasure(name, idx.Length, refits.Count, used, confirming, g1.Kept, g2.Kept));
            Shares.AddRow(name, idx.Length, g1.Kept, g1.LargestShare, g2.Kept, g2.LargestShare, refits.Count, used, confirming);
            double minR = PathAnalysis.MinAbsCorrelation([.. idx.Select(j => data.TrainFeatures[j])]);
            foreach (int j in idx)
            {
                Weights.AddRow(name, minR, data.FeatureNames[j], w1[j], w2[j], wEn is null ? "not fitted" : wEn[j],
                    refits.Count(f => f.L1[j] != 0), perRefit.Count(t => t.A.Largest == j), perRefit.Count(t => t.B.Largest == j));
            }

            var choices = perRefit.GroupBy(t => t.A.Largest).OrderByDescending(c => c.Count()).ThenBy(c => c.Key)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{(c.Key < 0 ? "none kept" : data.FeatureNames[c.Key])} {c.Count()}"));
            Stability.Add($"{name}: {string.Join(", ", choices)}");
            Bars.Add(new BarValue(g1.Kept == 0 ? $"{label} L1 (all 0)" : $"{label} L1", ShareEstimate(g1.LargestShare, perRefit.Select(t => t.A.LargestShare))));
            Bars.Add(new BarValue($"{label} L2", ShareEstimate(g2.LargestShare, perRefit.Select(t => t.B.LargestShare))));
        }
    }

    /// <summary>Breast cancer with an exact copy of one feature appended, split with the same seed (so the same rows)
    /// and fitted at the tuned λ of L1 and L2. The lasso optimum is then not unique, and the optimizer decides.</summary>
    private static (PreparedData Set, double[] L1, double[] L2) WithCopy(MLContext ml, L1VsL2Settings settings, PreparedData set, int source, double l1Lambda, double l2Lambda)
    {
        var x = set.Source.GetNumericMatrix();
        int n = x.GetLength(0), p = x.GetLength(1);
        var withCopy = new double[n, p + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
            {
                withCopy[i, j] = x[i, j];
            }

            withCopy[i, p] = x[i, source];
        }

        var data = Dataset.FromNumeric("breast cancer + copy", withCopy, set.Source.BinaryLabels(), [.. set.FeatureNames, Copied + "_copy"]);
        var copySet = RegularizationPath.Prepare(ml, data, "breast cancer + copy", Seeds.Derive(settings.Seed, $"split {set.Name}"), settings.TestFraction, settings.ValidationFraction);
        if (!copySet.TrainIndices.SequenceEqual(set.TrainIndices))
        {
            throw new InvalidOperationException("The copy set's training rows differ from breast cancer's although the split seed and labels are the same; the stratified split must depend only on them.");
        }

        return (copySet, RegularizationPath.Train(ml, copySet.Train, l1Lambda, 0).Weights, RegularizationPath.Train(ml, copySet.Train, 0, l2Lambda).Weights);
    }

    private static Interval ShareEstimate(double value, IEnumerable<double> refits)
    {
        double[] defined = [.. refits.Where(v => !double.IsNaN(v))];
        if (defined.Length == 0 || double.IsNaN(value))
        {
            return new Interval(value, double.NaN, double.NaN, 0.95, RefitRange);
        }

        // The 2.5–97.5% range of the refits (the full-data value may fall outside it; reported as measured).
        double lower = MathNet.Numerics.Statistics.Statistics.QuantileCustom(defined, 0.025, MathNet.Numerics.Statistics.QuantileDefinition.R7);
        double upper = MathNet.Numerics.Statistics.Statistics.QuantileCustom(defined, 0.975, MathNet.Numerics.Statistics.QuantileDefinition.R7);
        return new Interval(value, lower, upper, 0.95, RefitRange);
    }

    private const string RefitRange = "2.5-97.5% range of the refits";
}
