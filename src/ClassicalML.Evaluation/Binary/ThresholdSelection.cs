namespace ClassicalML.Evaluation;

/// <summary>
/// Picks a decision threshold that maximises a criterion over the observed scores. Candidates are the
/// distinct scores (a row is positive when score ≥ candidate); each is evaluated exactly from one
/// sort. Tie rule: among candidates with the same (exactly equal) criterion value, the highest
/// threshold wins, i.e. the one that predicts the fewest positives.
/// </summary>
/// <remarks>
/// Every choice carries the point's confusion counts (<see cref="ThresholdChoice.TruePositives"/>, …) and rates.
/// The rules: <see cref="MaximizeF1(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>,
/// <see cref="MaximizeFBeta(ReadOnlySpan{bool}, ReadOnlySpan{double}, double)"/>,
/// <see cref="MaximizeYoudenJ(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>,
/// <see cref="MaximizeBalancedAccuracy(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>,
/// <see cref="MinimizeExpectedCost(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, double?)"/>,
/// <see cref="MaximizeRecallAtPrecision(ReadOnlySpan{bool}, ReadOnlySpan{double}, double)"/>,
/// <see cref="MaximizeTprAtFpr(ReadOnlySpan{bool}, ReadOnlySpan{double}, double)"/> and
/// <see cref="ReachRecall(ReadOnlySpan{bool}, ReadOnlySpan{double}, double)"/>; each has a weighted overload. "Predict
/// no row positive" (a threshold above every score) is never a candidate.
/// Intervals go through the one <see cref="Bootstrap"/>: the point's metric at its fixed threshold,
/// <c>Bootstrap.Percentile(labels, scores, (l, s) =&gt; BinaryEvaluation.Evaluate(l, s, choice.Threshold).Recall, seed)</c>,
/// or the rule re-applied in every resample, which adds the choice's own variability,
/// <c>(l, s) =&gt; ThresholdSelection.MaximizeF1(l, s).Value</c> with <c>stratified: true</c> (so each resample has both classes).
/// </remarks>
/// <remarks>
/// Choosing a threshold on the data it is then evaluated on is optimistic; choose it on a
/// validation split and report metrics on a separate test split.
/// </remarks>
public static partial class ThresholdSelection
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
        return MaximizeFBeta(ThresholdCounts.From(labels, scores), 1);
    }

    /// <summary>The threshold with the highest weighted F1 score (scikit-learn's <c>f1_score(..., sample_weight=w)</c> at each candidate).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out: its score is no candidate), not all 0.</param>
    /// <returns>The threshold, its weighted F1, and weighted precision, recall and FPR there.</returns>
    /// <remarks>F1(t) = 2·TP_w(t) / (TP_w(t) + FP_w(t) + W⁺) in sums of weights. Ties: highest threshold.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, every
    /// weight is 0, or the positives weigh 0 in total.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static ThresholdChoice MaximizeF1(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return MaximizeFBeta(ThresholdCounts.From(labels, scores, weights), 1);
    }

    /// <summary>The candidate of highest F-beta = (1 + β²)·TP / (TP + FP + β²·P) (β = 1: F1, the formula of
    /// <see cref="MaximizeF1(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> bit for bit). Ties: highest threshold.</summary>
    private static ThresholdChoice MaximizeFBeta(ThresholdCounts counts, double beta)
    {
        string name = beta == 1 ? "F1" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"F-beta (beta = {beta:R})");
        if (counts.PositiveWeight == 0)
        {
            throw new ArgumentException(
                $"labels has no positive example{(counts.IsWeighted ? " with a weight above 0" : string.Empty)}; {name} is 0 at every threshold, so there is nothing to maximise. Pass labels that contain both classes.",
                "labels");
        }

        double beta2 = beta * beta;
        int best = 0;
        double bestF = double.NegativeInfinity;
        for (int k = 0; k < counts.Count; k++)
        {
            double tp = counts.TruePositiveWeight(k);
            double f = (1 + beta2) * tp / (tp + counts.FalsePositiveWeight(k) + (beta2 * counts.PositiveWeight));
            if (f > bestF) // strict: an equal value at a lower threshold does not replace the higher one
            {
                bestF = f;
                best = k;
            }
        }

        return Choice(counts, best, bestF);
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
        CheckBothClasses(counts, "Youden's J");
        return YoudenChoice(counts, YoudenBest(counts));
    }

    /// <summary>The threshold with the highest weighted Youden's J statistic (weighted TPR − weighted FPR).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out: its score is no candidate), not all 0.</param>
    /// <returns>The threshold, its J, and weighted precision, recall (TPR) and FPR there.</returns>
    /// <remarks>
    /// J(t) = TP_w(t)/W⁺ − FP_w(t)/W⁻, compared as TP_w(t)·W⁻ − FP_w(t)·W⁺ in doubles (exact for integer weights of
    /// moderate size, so ties there are exact). Ties: highest threshold.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, every
    /// weight is 0, or a class weighs 0 in total.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static ThresholdChoice MaximizeYoudenJ(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        ThresholdCounts counts = ThresholdCounts.From(labels, scores, weights);
        CheckBothClasses(counts, "Youden's J");
        return YoudenChoice(counts, YoudenBest(counts));
    }

    /// <summary>The candidate of highest J (ties: highest threshold): exact Int128 numerators TP·N − FP·P without
    /// weights, doubles TP_w·W⁻ − FP_w·W⁺ with them.</summary>
    private static int YoudenBest(ThresholdCounts counts)
    {
        int best = 0;
        if (!counts.IsWeighted)
        {
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

            return best;
        }

        double bestWeighted = double.NegativeInfinity;
        for (int k = 0; k < counts.Count; k++)
        {
            double numerator = (counts.TruePositiveWeight(k) * counts.NegativeWeight) - (counts.FalsePositiveWeight(k) * counts.PositiveWeight);
            if (numerator > bestWeighted) // strict: ties keep the higher threshold
            {
                bestWeighted = numerator;
                best = k;
            }
        }

        return best;
    }

    private static void CheckBothClasses(ThresholdCounts counts, string criterion)
    {
        if (counts.PositiveWeight == 0 || counts.NegativeWeight == 0)
        {
            string what = counts.IsWeighted
                ? $"labels has positives of total weight {Preconditions.Describe(counts.PositiveWeight)} and negatives of total weight {Preconditions.Describe(counts.NegativeWeight)}"
                : $"labels has {counts.Positives} positive and {counts.Negatives} negative examples";
            throw new ArgumentException(
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{what}; {criterion} needs both classes (TPR needs positives, FPR negatives). Pass labels that contain both classes."),
                "labels");
        }
    }

    private static ThresholdChoice YoudenChoice(ThresholdCounts counts, int best)
    {
        double j = (counts.TruePositiveWeight(best) / counts.PositiveWeight) - (counts.FalsePositiveWeight(best) / counts.NegativeWeight);
        return Choice(counts, best, j);
    }

    private static ThresholdChoice Choice(ThresholdCounts counts, int k, double value)
    {
        double tp = counts.TruePositiveWeight(k);
        double fp = counts.FalsePositiveWeight(k);
        double recall = counts.PositiveWeight > 0 ? tp / counts.PositiveWeight : double.NaN;
        double fpr = counts.NegativeWeight > 0 ? fp / counts.NegativeWeight : double.NaN;
        return new ThresholdChoice(counts.Thresholds[k], value, tp / (tp + fp), recall, fpr)
        {
            TruePositives = tp,
            FalsePositives = fp,
            FalseNegatives = counts.IsWeighted ? counts.PositiveWeight - tp : counts.Positives - counts.TruePositives[k],
            TrueNegatives = counts.IsWeighted ? counts.NegativeWeight - fp : counts.Negatives - counts.FalsePositives[k],
        };
    }
}
