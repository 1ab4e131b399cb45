namespace ClassicalML.Evaluation;

/// <summary>
/// Picks a decision threshold that maximises a criterion over the observed scores. Candidates are the
/// distinct scores (a row is positive when score ≥ candidate); each is evaluated exactly from one
/// sort. Tie rule: among candidates with the same (exactly equal) criterion value, the highest
/// threshold wins, i.e. the one that predicts the fewest positives.
/// </summary>
/// <remarks>
/// Choosing a threshold on the data it is then evaluated on is optimistic; choose it on a
/// validation split and report metrics on a separate test split.
/// </remarks>
public static class ThresholdSelection
{
    /// <summary>The threshold with the highest F1 score.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <returns>The threshold, its F1, and precision, recall and FPR there.</returns>
    /// <remarks>
    /// F1(t) = 2·TP(t) / (2·TP(t) + FP(t) + FN(t)) = 2·TP(t) / (TP(t) + FP(t) + P). Ties: highest threshold.
    /// F1 values are compared exactly: equal fractions round to the same double.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is NaN or infinite,
    /// or no label is positive (F1 is then 0 at every threshold).</exception>
    public static ThresholdChoice MaximizeF1(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        ThresholdCounts counts = ThresholdCounts.From(labels, scores);
        if (counts.Positives == 0)
        {
            throw new ArgumentException(
                "labels has no positive example; F1 is 0 at every threshold, so there is nothing to maximise. Pass labels that contain both classes.",
                nameof(labels));
        }

        int best = 0;
        double bestF1 = double.NegativeInfinity;
        for (int k = 0; k < counts.Count; k++)
        {
            long tp = counts.TruePositives[k];
            double f1 = 2.0 * tp / (tp + counts.FalsePositives[k] + counts.Positives);
            if (f1 > bestF1) // strict: an equal value at a lower threshold does not replace the higher one
            {
                bestF1 = f1;
                best = k;
            }
        }

        return Choice(counts, best, bestF1);
    }

    /// <summary>The threshold with the highest Youden's J statistic (TPR − FPR), the ROC point farthest above the chance line.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <returns>The threshold, its J, and precision, recall (TPR) and FPR there.</returns>
    /// <remarks>
    /// J(t) = TPR(t) − FPR(t) = TP(t)/P − FP(t)/N = (TP(t)·N − FP(t)·P) / (P·N); the numerators are compared
    /// in exact integer arithmetic, so ties are exact. Ties: highest threshold.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is NaN or infinite,
    /// or only one class is present (TPR or FPR is then undefined).</exception>
    public static ThresholdChoice MaximizeYoudenJ(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        ThresholdCounts counts = ThresholdCounts.From(labels, scores);
        if (counts.Positives == 0 || counts.Negatives == 0)
        {
            throw new ArgumentException(
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"labels has {counts.Positives} positive and {counts.Negatives} negative examples; Youden's J needs both classes (TPR needs positives, FPR negatives). Pass labels that contain both classes."),
                nameof(labels));
        }

        int best = 0;
        Int128 bestNumerator = Int128.MinValue;
        for (int k = 0; k < counts.Count; k++)
        {
            Int128 numerator = ((Int128)counts.TruePositives[k] * counts.Negatives) - ((Int128)counts.FalsePositives[k] * counts.Positives);
            if (numerator > bestNumerator) // strict: ties keep the higher threshold
            {
                bestNumerator = numerator;
                best = k;
            }
        }

        double j = ((double)counts.TruePositives[best] / counts.Positives) - ((double)counts.FalsePositives[best] / counts.Negatives);
        return Choice(counts, best, j);
    }

    private static ThresholdChoice Choice(ThresholdCounts counts, int k, double value)
    {
        long tp = counts.TruePositives[k];
        long fp = counts.FalsePositives[k];
        double recall = counts.Positives > 0 ? tp / (double)counts.Positives : double.NaN;
        double fpr = counts.Negatives > 0 ? fp / (double)counts.Negatives : double.NaN;
        return new ThresholdChoice(counts.Thresholds[k], value, tp / (double)(tp + fp), recall, fpr);
    }
}
