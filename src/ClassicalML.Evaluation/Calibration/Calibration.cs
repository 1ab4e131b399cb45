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
/// <para>Sample weights (issue #16; scikit-learn 1.2's <c>calibration_curve</c> takes none): a weighted overload will
/// add a <c>weights</c> span after the probabilities, before <c>bins</c>, leaving this signature as it is.</para>
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

        double[] edges = strategy == CalibrationBinning.Uniform ? BinEdges.Uniform(bins) : BinEdges.Quantile(probabilities, bins);
        var ids = new int[labels.Length];
        var counts = new long[bins];
        var positives = new long[bins];
        var sums = new double[bins];
        for (int i = 0; i < labels.Length; i++)
        {
            int b = BinEdges.BinOf(edges, probabilities[i]);
            ids[i] = b;
            counts[b]++;
            positives[b] += labels[i] ? 1 : 0;
            sums[b] += probabilities[i]; // in row order, as numpy's bincount adds them
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

            var bin = new ReliabilityBin(
                b, edges[b], edges[b + 1], counts[b], positives[b], sums[b] / counts[b], positives[b] / (double)counts[b], Intervals.Wilson(positives[b], counts[b], confidence));
            kept.Add(bin);
            ece += counts[b] / (double)labels.Length * bin.Gap;
            mce = Math.Max(mce, bin.Gap);
        }

        return new ReliabilityCurve(strategy, edges, kept, ece, mce, Decompose(labels, probabilities, ids, kept), confidence);
    }

    /// <summary>Murphy's three terms from the bins and the two within-bin terms from the rows.</summary>
    private static BrierDecomposition Decompose(ReadOnlySpan<bool> labels, ReadOnlySpan<double> probabilities, int[] ids, List<ReliabilityBin> bins)
    {
        double n = labels.Length;
        double baseRate = bins.Sum(b => b.Positives) / n;
        double reliability = 0;
        double resolution = 0;
        var meanPredicted = new double[bins[^1].Index + 1];
        var fractionPositive = new double[meanPredicted.Length];
        foreach (ReliabilityBin bin in bins)
        {
            reliability += bin.Count * (bin.MeanPredicted - bin.FractionPositive) * (bin.MeanPredicted - bin.FractionPositive);
            resolution += bin.Count * (bin.FractionPositive - baseRate) * (bin.FractionPositive - baseRate);
            meanPredicted[bin.Index] = bin.MeanPredicted;
            fractionPositive[bin.Index] = bin.FractionPositive;
        }

        double brier = 0;
        double variance = 0;
        double covariance = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double spread = probabilities[i] - meanPredicted[ids[i]];
            brier += BinaryEvaluation.BrierTerm(probabilities[i], labels[i]);
            variance += spread * spread;
            covariance += ((labels[i] ? 1 : 0) - fractionPositive[ids[i]]) * spread;
        }

        return new BrierDecomposition(brier / n, reliability / n, resolution / n, baseRate * (1 - baseRate), variance / n, 2 * covariance / n);
    }
}
