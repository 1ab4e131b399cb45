using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// Can these probabilities be trusted? The reliability curve of scikit-learn's
/// <c>sklearn.calibration.calibration_curve</c> (same edges, same bin of an edge value, empty bins dropped), with each
/// bin's count and Wilson interval, the expected and maximum calibration errors (ECE, MCE) and Murphy's
/// decomposition of the Brier score over the bins.
/// </summary>
/// <remarks>
/// <para>Edges e_0 … e_B: <see cref="CalibrationBinning.Uniform"/> i/B; <see cref="CalibrationBinning.Quantile"/>
/// the i/B quantiles of the probabilities (numpy's linear interpolation). A probability p joins the bin of the
/// number of inner edges e_1 … e_(B−1) strictly below it (numpy's <c>searchsorted</c>, side left): an edge value
/// goes to the lower bin. scikit-learn's default is 5 bins; the default here is 10, the usual choice for ECE.</para>
/// <para>Per bin b with n_b rows: f̄_b = mean probability (<c>prob_pred</c>), ō_b = fraction positive
/// (<c>prob_true</c>), ECE = Σ_b (n_b/n)|ō_b − f̄_b|, MCE = max_b |ō_b − f̄_b|. The Brier decomposition is in
/// <see cref="BrierDecomposition"/>.</para>
/// <para>A curve measured on the rows a calibrator was fitted on is optimistic: fit it on other (out-of-fold) rows.</para>
/// <para>Sample weights (scikit-learn 1.2's <c>calibration_curve</c> takes none): the weighted overload, <c>weights</c>
/// after the probabilities, is the curve of repeated rows for integer weights.</para>
/// </remarks>
public static class Calibration
{
    /// <summary>The reliability curve, calibration errors and Brier decomposition of binary probabilities.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="probabilities">The predicted probability of the positive class for each row, in [0, 1].</param>
    /// <param name="bins">B, the number of bins, at least 1 (scikit-learn's <c>n_bins</c>).</param>
    /// <param name="strategy">How the edges are placed (scikit-learn's <c>strategy</c>).</param>
    /// <param name="confidence">The nominal coverage of each bin's Wilson interval, strictly between 0 and 1.</param>
    /// <returns>The curve with its non-empty bins.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside [0, 1] or NaN, <paramref name="bins"/>
    /// is below 1, <paramref name="strategy"/> is not a member, or <paramref name="confidence"/> is not in (0, 1).</exception>
    public static ReliabilityCurve Curve(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        int bins = 10,
        CalibrationBinning strategy = CalibrationBinning.Uniform,
        double confidence = 0.95)
    {
        Check(labels, probabilities, bins, strategy, confidence);
        return Build(labels, probabilities, default, bins, strategy, confidence);
    }

    /// <summary>The weighted reliability curve: each row counts with its weight (rows of weight 0 take no part).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="probabilities">The predicted probability of the positive class for each row, in [0, 1].</param>
    /// <param name="weights">One finite weight of at least 0 per row, not all 0 (frequency weights).</param>
    /// <param name="bins">B, the number of bins, at least 1.</param>
    /// <param name="strategy">How the edges are placed.</param>
    /// <param name="confidence">The nominal coverage of each bin's Wilson interval, strictly between 0 and 1.</param>
    /// <returns>The curve with its non-empty bins; <see cref="ReliabilityBin.Weight"/> and
    /// <see cref="ReliabilityBin.PositiveWeight"/> hold the sums of weights, Count and Positives the rows.</returns>
    /// <remarks>scikit-learn's <c>calibration_curve</c> takes no weights; this is the curve of the rows repeated weight
    /// times when the weights are integers (the reference, tests/reference/make_calibration_fixtures.py), and for any
    /// weights f̄_b = Σ w p / Σ w and ō_b = Σ w y / Σ w per bin, ECE and the Brier terms weighted by W_b / W. Quantile
    /// edges are numpy's linear percentiles of the sorted probabilities where row k occupies the positions
    /// [C_(k−1), C_k) of the cumulative weights, the virtual index being (W − 1)·q (so repeated rows for integer
    /// weights; a total weight at most 1 puts every edge at the largest probability, one bin). A bin's Wilson interval
    /// takes its weights as counts (NaN when the bin weighs less than 1).</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside [0, 1] or NaN, a weight is negative or not
    /// finite, <paramref name="bins"/> is below 1, <paramref name="strategy"/> is not a member, or
    /// <paramref name="confidence"/> is not in (0, 1).</exception>
    public static ReliabilityCurve Curve(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        ReadOnlySpan<double> weights,
        int bins = 10,
        CalibrationBinning strategy = CalibrationBinning.Uniform,
        double confidence = 0.95)
    {
        Check(labels, probabilities, bins, strategy, confidence);
        Preconditions.CheckWeights(labels, weights);
        return Build(labels, probabilities, weights, bins, strategy, confidence);
    }

    private static ReliabilityCurve Build(ReadOnlySpan<bool> labels, ReadOnlySpan<double> probabilities, ReadOnlySpan<double> weights, int bins, CalibrationBinning strategy, double confidence)
    {
        bool weighted = !weights.IsEmpty;
        double[] edges = strategy == CalibrationBinning.Uniform ? BinEdges.Uniform(bins)
            : weighted ? BinEdges.Quantile(probabilities, weights, bins) : BinEdges.Quantile(probabilities, bins);
        var ids = new int[labels.Length];
        var counts = new long[bins];
        var positives = new long[bins];
        var weight = new double[bins];
        var positiveWeight = new double[bins];
        var sums = new double[bins];
        double total = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double w = weighted ? weights[i] : 1;
            int b = BinEdges.BinOf(edges, probabilities[i]);
            ids[i] = b;
            if (w == 0)
            {
                continue;
            }

            counts[b]++;
            positives[b] += labels[i] ? 1 : 0;
            weight[b] += w;
            positiveWeight[b] += labels[i] ? w : 0;
            sums[b] += w * probabilities[i]; // in row order, as numpy's bincount adds them
            total += w;
        }

        var kept = new List<ReliabilityBin>(bins);
        double ece = 0;
        double mce = 0;
        for (int b = 0; b < bins; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            var interval = !weighted ? Intervals.Wilson(positives[b], counts[b], confidence)
                : weight[b] >= 1 ? Intervals.WilsonOf(positiveWeight[b], weight[b], confidence)
                : new Interval(positiveWeight[b] / weight[b], double.NaN, double.NaN, confidence, "Wilson score");
            var bin = new ReliabilityBin(b, edges[b], edges[b + 1], counts[b], positives[b], sums[b] / weight[b], positiveWeight[b] / weight[b], interval)
            {
                Weight = weight[b], PositiveWeight = positiveWeight[b],
            };
            kept.Add(bin);
            ece += weight[b] / total * bin.Gap;
            mce = Math.Max(mce, bin.Gap);
        }

        return new ReliabilityCurve(strategy, edges, kept, ece, mce, Decompose(labels, probabilities, weights, ids, kept, total), confidence);
    }

    private static void Check(ReadOnlySpan<bool> labels, ReadOnlySpan<double> probabilities, int bins, CalibrationBinning strategy, double confidence)
    {
        Preconditions.CheckSameLength(labels.Length, probabilities.Length, nameof(labels), nameof(probabilities));
        Preconditions.CheckNotEmpty(labels.Length, nameof(labels), "Pass the labels and probabilities of one or more rows.");
        for (int i = 0; i < probabilities.Length; i++)
        {
            Preconditions.CheckProbability(
                probabilities[i],
                nameof(probabilities),
                "Pass probabilities of the positive class (a calibrator's output), not raw scores.",
                string.Create(CultureInfo.InvariantCulture, $"probabilities[{i}]"));
        }

        Preconditions.CheckAtLeast(bins, 1, nameof(bins), "Pass, for example, 10.");
        Preconditions.CheckDefined(strategy, nameof(strategy));
        Preconditions.CheckConfidence(confidence);
    }

    /// <summary>Murphy's three terms from the bins and the two within-bin terms from the rows (weighted by W_b / W, w_i / W).</summary>
    private static BrierDecomposition Decompose(ReadOnlySpan<bool> labels, ReadOnlySpan<double> probabilities, ReadOnlySpan<double> weights, int[] ids, List<ReliabilityBin> bins, double n)
    {
        double baseRate = bins.Sum(b => b.PositiveWeight) / n;
        double reliability = 0;
        double resolution = 0;
        var meanPredicted = new double[bins[^1].Index + 1];
        var fractionPositive = new double[meanPredicted.Length];
        foreach (ReliabilityBin bin in bins)
        {
            reliability += bin.Weight * (bin.MeanPredicted - bin.FractionPositive) * (bin.MeanPredicted - bin.FractionPositive);
            resolution += bin.Weight * (bin.FractionPositive - baseRate) * (bin.FractionPositive - baseRate);
            meanPredicted[bin.Index] = bin.MeanPredicted;
            fractionPositive[bin.Index] = bin.FractionPositive;
        }

        double brier = 0;
        double variance = 0;
        double covariance = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            if (w == 0)
            {
                continue;
            }

            double spread = probabilities[i] - meanPredicted[ids[i]];
            brier += w * BinaryEvaluation.BrierTerm(probabilities[i], labels[i]);
            variance += w * spread * spread;
            covariance += w * ((labels[i] ? 1 : 0) - fractionPositive[ids[i]]) * spread;
        }

        return new BrierDecomposition(brier / n, reliability / n, resolution / n, baseRate * (1 - baseRate), variance / n, 2 * covariance / n);
    }
}
