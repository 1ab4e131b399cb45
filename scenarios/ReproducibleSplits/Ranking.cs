using ClassicalML.Data;
using ClassicalML.Evaluation;
using MathNet.Numerics.Statistics;
using Microsoft.ML;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Logistic regression against one other model over the same unseeded get_splits calls.</summary>
/// <param name="Case">The case's label, e.g. "really different pair".</param>
/// <param name="Other">The other model.</param>
/// <param name="Logistic">Test AUC of logistic regression in each call (trained on that call's training rows).</param>
/// <param name="OtherAuc">Test AUC of the other model in each call.</param>
/// <param name="Gap">Mean AUC(logistic) − AUC(other) over the calls with a 95% t interval: the true ranking at this training size.</param>
/// <param name="SharedFlipRate">Share of one-split comparisons (both models on call t) won by the model behind on average (ties count half).</param>
/// <param name="OwnFlipRate">The same over all pairs of distinct calls (logistic regression on call i, the other on call j ≠ i).</param>
/// <param name="FlipIncrease">OwnFlipRate − SharedFlipRate.</param>
/// <param name="SdShared">SD of the AUC difference over one-split comparisons.</param>
/// <param name="SdOwn">SD of the AUC difference over own-split comparisons.</param>
/// <param name="SdRatio">SdOwn / SdShared.</param>
/// <param name="UndefinedCalls">Calls left out because a test set had one class only (AUC undefined).</param>
/// <remarks>Every interval except <see cref="Gap"/> is a 95% percentile bootstrap over calls; an own comparison needs two
/// distinct calls, so a resample counts the pairs of its distinct calls, each weighted by how often both were drawn.</remarks>
internal sealed record PairMeasurements(
    string Case,
    string Other,
    double[] Logistic,
    double[] OtherAuc,
    Interval Gap,
    Interval SharedFlipRate,
    Interval OwnFlipRate,
    Interval FlipIncrease,
    Interval SdShared,
    Interval SdOwn,
    Interval SdRatio,
    int UndefinedCalls)
{
    /// <summary>Calls with both AUCs defined.</summary>
    public int Calls => Logistic.Length;

    /// <summary>Whether the 95% interval of the gap excludes 0, so the pair has an established true ranking.</summary>
    public bool RankingEstablished => Gap.Lower > 0 || Gap.Upper < 0;

    /// <summary>The model ahead on average.</summary>
    public string Leader => Gap.Estimate >= 0 ? "logistic regression" : Other;
}

/// <summary>The two cases: a pair that really differs, and a practically tied pair (a labelled second case).</summary>
internal sealed record RankingMeasurements(PairMeasurements Different, PairMeasurements Tied, int FirstSeed);

/// <summary>
/// Call t of get_splits (after np.random.seed(first + t)) trains each model on its training rows and scores test AUC.
/// "One split": both models of call t, as when get_splits runs once. "Own splits": logistic regression of call i against
/// the other model of call j ≠ i, as when each model's script calls get_splits itself (the answer's #Model 1 and #Model 2).
/// </summary>
internal static class Ranking
{
    public static RankingMeasurements Measure(Models models, int calls, int firstSeed, int trees, int seed, int resamples, IProgressReporter progress)
    {
        var logistic = new double[calls];
        var tree = new double[calls];
        var boosted = new double[calls];
        for (int t = 0; t < calls; t++)
        {
            var (train, _, test) = Mechanism.Parts(models.RowCount, Mechanism.CallSeed(firstSeed, t));
            var labels = models.Labels(test);

            // One seeded context per call; training is single-threaded, so only the split differs between calls.
            var ml = new MLContext(seed);
            IDataView trainView = models.View(train), testView = models.View(test);
            bool bothClasses = labels.Contains(true) && labels.Contains(false);
            double Auc(Func<MLContext, IEstimator<ITransformer>> make) =>
                bothClasses ? Roc.Auc(labels, Models.TrainAndScore(make(ml), trainView, testView)) : double.NaN;

            logistic[t] = Auc(ml => Models.LogisticRegression(ml));
            tree[t] = Auc(Models.SingleTree);
            boosted[t] = Auc(ml => Models.FastTree(ml, 1, trees));
            progress.Report("unseeded get_splits calls, three models each", t + 1, calls);
        }

        return new RankingMeasurements(
            Pair("really different pair", "a single decision tree (20 leaves)", logistic, tree, Seeds.Derive(seed, "really different pair bootstrap"), resamples),
            Pair("practically tied pair", $"FastTree ({trees} trees)", logistic, boosted, Seeds.Derive(seed, "practically tied pair bootstrap"), resamples),
            firstSeed);
    }

    /// <summary>The gap, flip rates and spreads of one pair, from the per-call AUCs.</summary>
    internal static PairMeasurements Pair(string name, string other, double[] logisticAll, double[] otherAll, int seed, int resamples)
    {
        int[] defined = [.. Enumerable.Range(0, logisticAll.Length).Where(t => !double.IsNaN(logisticAll[t]) && !double.IsNaN(otherAll[t]))];
        double[] x = [.. defined.Select(t => logisticAll[t])], y = [.. defined.Select(t => otherAll[t])];
        var gap = Stats.MeanWithInterval([.. x.Zip(y, (a, b) => a - b)]);
        var comparisons = new Comparisons(x, y, gap.Estimate >= 0 ? 1 : -1);
        Interval Boot(RowMetric metric) => Stats.Bootstrapped(x.Length, metric, seed, resamples);
        return new PairMeasurements(name, other, x, y, gap,
            Boot(comparisons.SharedFlipRate), Boot(comparisons.OwnFlipRate), Boot(rows => comparisons.OwnFlipRate(rows) - comparisons.SharedFlipRate(rows)),
            Boot(comparisons.SharedSd), Boot(comparisons.OwnSd), Boot(rows => comparisons.OwnSd(rows) / comparisons.SharedSd(rows)),
            logisticAll.Length - x.Length);
    }
}

/// <summary>One-split and own-split comparisons of two models' per-call scores, on a (re)sample of calls.</summary>
/// <param name="First">The first model's score in each call.</param>
/// <param name="Second">The second model's score in each call.</param>
/// <param name="Sign">+1 when the first model is ahead on average (the true ranking), −1 when the second is.</param>
internal sealed class Comparisons(double[] First, double[] Second, int Sign)
{
    /// <summary>1 when the difference picks the model behind, ½ for a tie, 0 otherwise.</summary>
    public double Flip(double difference) => Sign * difference < 0 ? 1 : difference == 0 ? 0.5 : 0;

    public double SharedFlipRate(ReadOnlySpan<int> calls)
    {
        double sum = 0;
        foreach (int t in calls)
        {
            sum += Flip(First[t] - Second[t]);
        }

        return sum / calls.Length;
    }

    public double SharedSd(ReadOnlySpan<int> calls)
    {
        var differences = new double[calls.Length];
        for (int i = 0; i < calls.Length; i++)
        {
            differences[i] = First[calls[i]] - Second[calls[i]];
        }

        return differences.StandardDeviation();
    }

    public double OwnFlipRate(ReadOnlySpan<int> calls) => OwnPairs(calls).FlipRate;

    public double OwnSd(ReadOnlySpan<int> calls) => OwnPairs(calls).Sd;

    /// <summary>Sums over ordered pairs of distinct calls (i, j), first model of i against second model of j, each
    /// weighted by the product of the calls' multiplicities in the sample.</summary>
    private (double FlipRate, double Sd) OwnPairs(ReadOnlySpan<int> calls)
    {
        var multiplicity = new Dictionary<int, int>();
        foreach (int t in calls)
        {
            multiplicity[t] = multiplicity.GetValueOrDefault(t) + 1;
        }

        double weight = 0, flips = 0, sum = 0, squares = 0;
        foreach (var (i, ci) in multiplicity)
        {
            foreach (var (j, cj) in multiplicity)
            {
                if (i != j)
                {
                    double w = (double)ci * cj, d = First[i] - Second[j];
                    weight += w;
                    flips += w * Flip(d);
                    sum += w * d;
                    squares += w * d * d;
                }
            }
        }

        if (weight < 2)
        {
            return (double.NaN, double.NaN);
        }

        double variance = (squares - sum * sum / weight) / (weight - 1);
        return (flips / weight, Math.Sqrt(Math.Max(variance, 0)));
    }
}
