using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Models;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using static ClassicalML.Scenarios.BaggingVsBoosting.Experiment;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>AdaBoost (SAMME) of trees of one size on clean and on the noisiest training labels.</summary>
/// <param name="Leaves">Leaves per tree (the same as the bagged trees it is matched with).</param>
/// <param name="CleanError">Test error with clean training labels.</param>
/// <param name="NoisyError">Test error with the noisiest training labels.</param>
/// <param name="ExtraDamage">(AdaBoost's error at the noisiest − at clean labels) − (the same for bagged trees of this size), paired within each repetition.</param>
/// <param name="FlippedWeightShare">Share of AdaBoost's final row weight (after all rounds on the noisy labels) on the flipped rows.</param>
/// <param name="FlippedRowShare">Share of training rows whose label was flipped.</param>
/// <param name="Concentration">Weight share / row share of the flipped rows, one value per repetition.</param>
/// <param name="Rounds">The fewest members kept over the repetitions on clean and on noisy labels (fewer than asked when AdaBoost stopped early).</param>
/// <remarks>Every interval is over the repetitions (<see cref="Repetitions.OverRepetitions"/>); the shares are means over them.</remarks>
internal sealed record AdaBoostCase(int Leaves, Interval CleanError, Interval NoisyError, Interval ExtraDamage, double FlippedWeightShare, double FlippedRowShare,
    Interval Concentration, (int Clean, int Noisy) Rounds);

/// <summary>The label-noise comparison on the mechanism the answer names: AdaBoost reweights the rows its members
/// misclassify, so it should pile weight onto flipped labels and lose more accuracy than bagging trees of the same size.</summary>
internal static class AdaBoostNoise
{
    public static ReportTable NewTable() => new("adaboost-noise", ["data set", "tree size (leaves)", "fewest rounds kept (clean / noisy labels)", "AdaBoost test error, clean labels (95% over repetitions)",
        "AdaBoost test error, noisiest labels (95% over repetitions)", "AdaBoost's extra test-error increase over bagging, clean to noisiest (95% over repetitions)", "flipped rows' share of rows",
        "flipped rows' share of AdaBoost's final row weight (mean)", "concentration = weight share / row share (95% over repetitions)"]);

    /// <summary>One FastTree tree fitted on AdaBoost's row weights: the same size and rows per leaf as the bagged and gradient-boosted trees.</summary>
    public static IEstimator<ITransformer> WeightedTree(MLContext context, int leaves, string weightColumn) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 1,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = Learners.BoostedMinimumPerLeaf,
            LearningRate = 1.0,
            NumberOfThreads = 1,
            ExampleWeightColumnName = weightColumn,
        });

    /// <summary>For every matched tree size: AdaBoost on clean and on the noisiest training labels of every repetition (the
    /// same flipped rows as the bagged and gradient-boosted trees it is paired with), and the weight it ends with on the flipped rows.</summary>
    public static IReadOnlyList<AdaBoostCase> Measure(Settings settings, RepeatedNoise repeated, ReportBuilder report)
    {
        var cases = new List<AdaBoostCase>();
        for (var m = 0; m < settings.MatchedLeaves.Count; m++)
        {
            var index = m;
            var c = new AdaBoostCase(settings.MatchedLeaves[m], repeated.OverNoise(r => r.AdaClean[index]), repeated.OverNoise(r => r.AdaNoisy[index]), repeated.OverNoise(r => r.AdaDamage(index)),
                repeated.Noisy.Average(r => r.WeightShare[index]), repeated.Noisy.Average(r => r.RowShare), repeated.OverNoise(r => r.Concentration(index)),
                (repeated.Noisy.Min(r => r.AdaRounds[index].Clean), repeated.Noisy.Min(r => r.AdaRounds[index].Noisy)));
            cases.Add(c);
            report.AdaBoost.AddRow(repeated.Dataset, c.Leaves, $"{c.Rounds.Clean} / {c.Rounds.Noisy}", c.CleanError, c.NoisyError, c.ExtraDamage, c.FlippedRowShare, c.FlippedWeightShare, c.Concentration);
        }

        return cases;
    }

    /// <summary>The replication effects and one summary sentence for a data set.</summary>
    public static void Summarize(ReportBuilder report, Settings settings, string dataset, IReadOnlyList<AdaBoostCase> cases)
    {
        var noisiest = Numbers.Percent(settings.NoiseLevels[^1]);
        foreach (var c in cases)
        {
            report.Effects.Add(new($"extra-noise-damage-adaboost-{c.Leaves}-leaves-{dataset}",
                $"{dataset}: test-error increase from clean to {noisiest} flipped training labels, AdaBoost (SAMME, {settings.AdaBoostRounds} rounds) minus bagged {c.Leaves}-leaf trees, mean over {settings.NoiseRepetitions} repetitions", c.ExtraDamage.Estimate));
            report.Effects.Add(new($"adaboost-flipped-weight-share-{c.Leaves}-leaves-{dataset}",
                $"{dataset}: share of AdaBoost's final row weight on the {noisiest} flipped training rows minus their share of rows, {c.Leaves}-leaf trees, mean over {settings.NoiseRepetitions} repetitions", c.FlippedWeightShare - c.FlippedRowShare));
        }

        report.Summaries.Add(string.Create(CultureInfo.InvariantCulture, $"AdaBoost (SAMME, the reweighting the answer describes) on {dataset}, means over {settings.NoiseRepetitions} repetitions: ")
            + string.Join("; ", cases.Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{c.Leaves}-leaf trees err {Numbers.Percent(c.CleanError.Estimate)} → {Numbers.Percent(c.NoisyError.Estimate)} (extra increase over bagging {Numbers.Format(c.ExtraDamage)}), and after {settings.AdaBoostRounds} rounds (at least {c.Rounds.Noisy} kept) the {Numbers.Percent(c.FlippedRowShare)} flipped rows carry {Numbers.Percent(c.FlippedWeightShare)} of the weight ({Numbers.Format(c.Concentration)} times their share)")))
            + ".");
    }

    /// <summary>Σ_{i in rows, flipped} w_i / Σ_{i in rows} w_i.</summary>
    internal static double Share(double[] weights, bool[] flipped, ReadOnlySpan<int> rows)
    {
        double on = 0, total = 0;
        foreach (var i in rows)
        {
            total += weights[i];
            on += flipped[i] ? weights[i] : 0;
        }

        return on / total;
    }

    /// <summary>Weight share / row share of the flipped rows, with a bootstrap over training rows (undefined when a resample has no flipped row).</summary>
    internal static Interval Concentration(double[] weights, bool[] flipped, int seed, int resamples) =>
        Bootstrap.Percentile(weights.Length, rows =>
        {
            var count = 0;
            foreach (var i in rows)
            {
                count += flipped[i] ? 1 : 0;
            }

            return count == 0 ? double.NaN : Share(weights, flipped, rows) / (count / (double)rows.Length);
        }, seed, resamples).Interval;

    private static double B(bool value) => value ? 1.0 : 0.0;
}
