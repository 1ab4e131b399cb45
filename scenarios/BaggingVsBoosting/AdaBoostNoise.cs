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
/// <param name="CleanError">Test error with clean training labels (95% Wilson).</param>
/// <param name="NoisyError">Test error with the noisiest training labels (95% Wilson).</param>
/// <param name="ExtraDamage">(AdaBoost's error at the noisiest − at clean labels) − (the same for bagged trees of this size), 95% paired bootstrap over test rows.</param>
/// <param name="FlippedWeightShare">Share of AdaBoost's final row weight (after all rounds on the noisy labels) on the flipped rows.</param>
/// <param name="FlippedRowShare">Share of training rows whose label was flipped.</param>
/// <param name="Concentration">FlippedWeightShare / FlippedRowShare, 95% bootstrap over training rows (the fitted weights held fixed).</param>
/// <param name="Rounds">Members kept on clean and on noisy labels (fewer than asked when AdaBoost stopped early).</param>
internal sealed record AdaBoostCase(int Leaves, Interval CleanError, Interval NoisyError, Interval ExtraDamage, double FlippedWeightShare, double FlippedRowShare,
    Interval Concentration, (int Clean, int Noisy) Rounds);

/// <summary>The label-noise comparison on the mechanism the answer names: AdaBoost reweights the rows its members
/// misclassify, so it should pile weight onto flipped labels and lose more accuracy than bagging trees of the same size.</summary>
internal static class AdaBoostNoise
{
    public static ReportTable NewTable() => new("adaboost-noise", ["data set", "tree size (leaves)", "rounds kept (clean / noisy labels)", "AdaBoost test error, clean labels (95% Wilson)",
        "AdaBoost test error, noisiest labels (95% Wilson)", "AdaBoost's extra test-error increase over bagging, clean to noisiest (95% bootstrap)", "flipped rows' share of rows",
        "flipped rows' share of AdaBoost's final row weight", "concentration = weight share / row share (95% bootstrap over training rows)"]);

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

    /// <summary>For every matched tree size: AdaBoost on clean and on the noisiest training labels (the same flipped rows as
    /// <see cref="Steps.LabelNoise"/>), paired with the bagged trees of that size, and the weight it ends with on the flipped rows.</summary>
    public static IReadOnlyList<AdaBoostCase> Measure(MLContext context, Settings settings, PreparedData data, int seed, NoiseResult noise, IProgressReporter progress, ReportBuilder report)
    {
        var last = settings.NoiseLevels.Count - 1;
        var noisyLabels = FlipLabels(data.TrainLabels, settings.NoiseLevels[last], Seeds.Derive(seed, $"label noise {last}"));
        var flipped = noisyLabels.Select((label, i) => label != data.TrainLabels[i]).ToArray();
        var noisyView = Dataset.FromNumeric(data.Name + " noisy", data.Train.GetNumericMatrix(), noisyLabels).ToDataView(context);
        var options = new AdaBoostOptions { NumberOfMembers = settings.AdaBoostRounds, LearningRate = settings.AdaBoostLearningRate, Seed = Seeds.Derive(seed, "adaboost") };
        var cases = new List<AdaBoostCase>();
        for (var m = 0; m < settings.MatchedLeaves.Count; m++)
        {
            var leaves = settings.MatchedLeaves[m];
            var estimator = new AdaBoostEstimator(w => WeightedTree(context, leaves, w), options);
            var clean = estimator.Fit(data.TrainView);
            var noisy = estimator.Fit(noisyView);
            var cleanErrors = Errors(data.TestLabels, clean.StagedScores(data.TestView)[^1], 0.0);
            var noisyErrors = Errors(data.TestLabels, noisy.StagedScores(data.TestView)[^1], 0.0);
            var (bagClean, bagNoisy) = noise.BaggedErrors[m];
            var damage = MeanWithBootstrap([.. Enumerable.Range(0, data.TestLabels.Length).Select(i => B(noisyErrors[i]) - B(cleanErrors[i]) - (B(bagNoisy[i]) - B(bagClean[i])))],
                Seeds.Derive(seed, $"adaboost damage bootstrap {m}"), settings.Resamples);
            var weights = noisy.RowWeights.ToArray();
            var c = new AdaBoostCase(leaves, WilsonError(cleanErrors), WilsonError(noisyErrors), damage, Share(weights, flipped, [.. Enumerable.Range(0, weights.Length)]),
                flipped.Count(f => f) / (double)flipped.Length, Concentration(weights, flipped, Seeds.Derive(seed, $"adaboost concentration bootstrap {m}"), settings.Resamples), (clean.MemberCount, noisy.MemberCount));
            cases.Add(c);
            report.AdaBoost.AddRow(data.Name, leaves, $"{c.Rounds.Clean} / {c.Rounds.Noisy}", c.CleanError, c.NoisyError, c.ExtraDamage, c.FlippedRowShare, c.FlippedWeightShare, c.Concentration);
            progress.Report(data.Name + ": AdaBoost under label noise", m + 1, settings.MatchedLeaves.Count);
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
                $"{dataset}: test-error increase from clean to {noisiest} flipped training labels, AdaBoost (SAMME, {settings.AdaBoostRounds} rounds) minus bagged {c.Leaves}-leaf trees", c.ExtraDamage.Estimate));
            report.Effects.Add(new($"adaboost-flipped-weight-share-{c.Leaves}-leaves-{dataset}",
                $"{dataset}: share of AdaBoost's final row weight on the {noisiest} flipped training rows minus their share of rows, {c.Leaves}-leaf trees", c.FlippedWeightShare - c.FlippedRowShare));
        }

        report.Summaries.Add(string.Create(CultureInfo.InvariantCulture, $"AdaBoost (SAMME, the reweighting the answer describes) on {dataset}: ")
            + string.Join("; ", cases.Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{c.Leaves}-leaf trees err {Numbers.Percent(c.CleanError.Estimate)} → {Numbers.Percent(c.NoisyError.Estimate)} (extra increase over bagging {Numbers.Format(c.ExtraDamage)}), and after {c.Rounds.Noisy} rounds the {Numbers.Percent(c.FlippedRowShare)} flipped rows carry {Numbers.Percent(c.FlippedWeightShare)} of the weight ({Numbers.Format(c.Concentration)} times their share)")))
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
