using System.Diagnostics;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Models;
using MathNet.Numerics.Statistics;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using static ClassicalML.Scenarios.BaggingVsBoosting.Experiment;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>One diversity level of the trend: how every member of an ensemble of deep trees draws its rows and features.</summary>
/// <param name="Name">The level in words, e.g. "bootstrap, 25% of features".</param>
/// <param name="SampleFraction">Rows per member as a share of the training rows, in (0, 1] (<see cref="BaggingOptions.SampleFraction"/>).</param>
/// <param name="WithReplacement">True for bootstrap samples, false for distinct rows (pasting).</param>
/// <param name="FeatureFraction">Share of the features each member's tree may split on, in (0, 1]: FastTree's
/// <c>FeatureFraction</c> of its one tree, drawn per member with its own <c>FeatureSelectionSeed</c> (random subspaces).</param>
public sealed record DiversityLevel(string Name, double SampleFraction, bool WithReplacement, double FeatureFraction);

/// <summary>One level of the diversity trend, measured on the test rows.</summary>
/// <param name="Gain">Mean member test error − ensemble test error, 95% bootstrap interval over test rows.</param>
/// <param name="Correlation">Mean pairwise correlation of the members' 0/1 test errors.</param>
internal sealed record TrendLevel(DiversityLevel Level, double MeanMemberError, double EnsembleError, Interval Gain, double Correlation);

/// <summary>The trend of the gain against the members' error correlation over the diversity levels.</summary>
/// <param name="RankCorrelation">Spearman's ρ between gain and error correlation over the levels (negative: the gain
/// grows as the correlation falls), 95% bootstrap interval over test rows (both recomputed on every resample).</param>
/// <param name="Slope">Least-squares slope of gain on error correlation over the levels, same resamples.</param>
internal sealed record DiversityTrendResult(IReadOnlyList<TrendLevel> Levels, Interval RankCorrelation, Interval Slope);

/// <summary>Ensembles of deep trees at several diversity levels (row sampling, random feature subsets per member):
/// does the gain over the average member grow as the members' errors correlate less?</summary>
internal static class DiversityTrend
{
    /// <summary>One deep tree that may split only on a random share of the features (drawn with <paramref name="featureSeed"/>).</summary>
    public static IEstimator<ITransformer> SubspaceTree(MLContext context, int leaves, double featureFraction, int featureSeed) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 1,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = 1,
            LearningRate = 1.0,
            NumberOfThreads = 1,
            FeatureFraction = featureFraction,
            FeatureSelectionSeed = featureSeed,
        });

    public static DiversityTrendResult Measure(MLContext context, Settings settings, PreparedData data, int seed, ReportBuilder report)
    {
        var labels = data.TestLabels;
        var levels = settings.DiversityLevels;
        var errors = new ErrorSets[levels.Count];
        var measured = new List<TrendLevel>();
        for (var l = 0; l < levels.Count; l++)
        {
            var level = levels[l];
            var options = new BaggingOptions { NumberOfMembers = settings.DiversityMembers, SampleFraction = level.SampleFraction, WithReplacement = level.WithReplacement, Seed = Seeds.Derive(seed, $"diversity level {l} bagging") };
            var clock = Stopwatch.StartNew();
            var model = new BaggingEstimator(j => SubspaceTree(context, settings.DeepLeaves, level.FeatureFraction, Seeds.Derive(seed, $"diversity level {l} member {j} features")), options).Fit(data.TrainView);
            var fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var members = model.PredictMembers(data.TestView);
            var predictSeconds = clock.Elapsed.TotalSeconds;
            report.MemberTimes.AddRow(data.Name, level.Name, options.NumberOfMembers, Milliseconds(fitSeconds / options.NumberOfMembers), Milliseconds(predictSeconds / options.NumberOfMembers));

            var set = new ErrorSets(members.Errors(labels), Errors(labels, members.Ensemble(members.MemberCount), 0.5));
            errors[l] = set;
            var gain = MeanWithBootstrap(set.GainPerRow(), Seeds.Derive(seed, $"diversity level {l} gain bootstrap"), settings.Resamples);
            var correlation = set.MeanCorrelation(AllRows(labels.Length));
            measured.Add(new TrendLevel(level, set.MeanMemberError(), Rate(set.Ensemble), gain, correlation));
            report.DiversityTrend.AddRow(data.Name, level.Name, options.NumberOfMembers, set.MeanMemberError(), Rate(set.Ensemble), gain, correlation);
        }

        var trendSeed = Seeds.Derive(seed, "diversity trend bootstrap");
        Interval rank = Bootstrap.Percentile(labels.Length, rows => Trend(errors, rows).Rank, trendSeed, settings.Resamples).Interval;
        Interval slope = Bootstrap.Percentile(labels.Length, rows => Trend(errors, rows).Slope, trendSeed, settings.Resamples).Interval;
        report.DiversitySummary.AddRow(data.Name, levels.Count, rank, slope);
        var sorted = measured.OrderBy(m => m.Correlation).ToList();
        double[] x = [.. sorted.Select(m => m.Correlation)];
        report.DiversityFigures.Add(Figures.Line($"diversity-trend-{data.Name}.png", $"{data.Name}: gain vs error correlation, {levels.Count} levels",
            "mean pairwise error correlation of the members", "mean member error − ensemble error (test)",
            [new Series("gain", x, [.. sorted.Select(m => m.Gain.Estimate)]), new Series("95% bootstrap interval of the gain", x, [.. sorted.Select(m => m.Gain.Lower)]), new Series("", x, [.. sorted.Select(m => m.Gain.Upper)])],
            [new LineStyle(), new LineStyle(Color: "#888888", Markers: false, Dashed: true, Width: 1), new LineStyle(Color: "#888888", Markers: false, Dashed: true, Width: 1)]));
        return new DiversityTrendResult(measured, rank, slope);
    }

    /// <summary>Spearman's ρ and the least-squares slope of gain on error correlation over the levels, on a multiset of test rows.</summary>
    internal static (double Rank, double Slope) Trend(IReadOnlyList<ErrorSets> levels, ReadOnlySpan<int> rows)
    {
        var gains = new double[levels.Count];
        var correlations = new double[levels.Count];
        for (var l = 0; l < levels.Count; l++)
        {
            gains[l] = levels[l].Gain(rows);
            correlations[l] = levels[l].MeanCorrelation(rows);
        }

        if (correlations.Any(double.IsNaN) || correlations.Distinct().Count() < 2)
        {
            return (double.NaN, double.NaN); // no spread of correlations: no trend to measure on this resample
        }

        var meanC = correlations.Average();
        var meanG = gains.Average();
        double cov = 0, varC = 0;
        for (var l = 0; l < gains.Length; l++)
        {
            cov += (correlations[l] - meanC) * (gains[l] - meanG);
            varC += (correlations[l] - meanC) * (correlations[l] - meanC);
        }

        return (Correlation.Spearman(gains, correlations), cov / varC);
    }

    private static int[] AllRows(int n) => [.. Enumerable.Range(0, n)];

    internal static double Milliseconds(double seconds) => Math.Round(seconds * 1000, 2);
}

/// <summary>The 0/1 test errors of an ensemble's members and of the ensemble, with the gain and error correlation on any multiset of rows.</summary>
internal sealed class ErrorSets
{
    public ErrorSets(bool[][] members, bool[] ensemble)
    {
        Members = members;
        Ensemble = ensemble;
    }

    /// <summary>Errors of member j on row i: Members[j][i].</summary>
    public bool[][] Members { get; }

    public bool[] Ensemble { get; }

    public double MeanMemberError() => Members.Sum(e => e.Count(x => x)) / (double)(Members.Length * Ensemble.Length);

    /// <summary>Per row: share of members wrong − ensemble wrong (0 or 1).</summary>
    public double[] GainPerRow() =>
        [.. Enumerable.Range(0, Ensemble.Length).Select(i => (Members.Count(e => e[i]) / (double)Members.Length) - (Ensemble[i] ? 1 : 0))];

    /// <summary>Mean member error − ensemble error over the rows (repeats counted).</summary>
    public double Gain(ReadOnlySpan<int> rows)
    {
        double sum = 0;
        foreach (var i in rows)
        {
            var wrong = 0;
            foreach (var member in Members)
            {
                wrong += member[i] ? 1 : 0;
            }

            sum += (wrong / (double)Members.Length) - (Ensemble[i] ? 1 : 0);
        }

        return sum / rows.Length;
    }

    /// <summary>
    /// The mean over member pairs of the phi correlation of their error indicators over the rows (repeats counted), as
    /// <see cref="MemberPredictions.MeanErrorCorrelation"/> computes it on all rows: pairs where a member's errors are
    /// constant are undefined and left out; NaN when no pair is defined.
    /// </summary>
    public double MeanCorrelation(ReadOnlySpan<int> rows)
    {
        var m = Members.Length;
        var single = new double[m];
        var both = new double[m, m];
        var wrong = new List<int>(m);
        foreach (var i in rows)
        {
            wrong.Clear();
            for (var j = 0; j < m; j++)
            {
                if (Members[j][i])
                {
                    wrong.Add(j);
                    single[j]++;
                }
            }

            for (var a = 0; a < wrong.Count; a++)
            {
                for (var b = a + 1; b < wrong.Count; b++)
                {
                    both[wrong[a], wrong[b]]++;
                }
            }
        }

        double n = rows.Length, sum = 0;
        var count = 0;
        for (var j = 0; j < m; j++)
        {
            for (var k = j + 1; k < m; k++)
            {
                double pj = single[j] / n, pk = single[k] / n;
                var denominator = Math.Sqrt(pj * (1 - pj) * pk * (1 - pk));
                if (denominator > 0)
                {
                    sum += ((both[j, k] / n) - (pj * pk)) / denominator;
                    count++;
                }
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
